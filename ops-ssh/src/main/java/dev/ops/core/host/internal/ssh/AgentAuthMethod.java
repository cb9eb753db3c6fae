package dev.ops.core.host.internal.ssh;

import java.io.IOException;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AbstractAuthMethod;

/**
 * SSH "publickey" authentication (RFC 4252 section 7) with one identity of an ssh-agent: the
 * server is first asked whether it accepts the key, and only then the agent signs.
 */
public final class AgentAuthMethod extends AbstractAuthMethod {
    private final AgentClient agent;
    private final AgentClient.Identity identity;
    private final String algorithm;
    private final int flags;

    public AgentAuthMethod(AgentClient agent, AgentClient.Identity identity) {
        super("publickey");
        this.agent = agent;
        this.identity = identity;
        boolean rsa = identity.keyType().equals("ssh-rsa");
        // OpenSSH refuses SHA-1 RSA signatures by default; ask the agent for SHA-512 ones.
        this.algorithm = rsa ? "rsa-sha2-512" : identity.keyType();
        this.flags = rsa ? AgentClient.SSH_AGENT_RSA_SHA2_512 : 0;
    }

    @Override
    public void handle(Message cmd, SSHPacket buf) throws UserAuthException, TransportException {
        if (cmd == Message.USERAUTH_60) {
            params.getTransport().write(signed());
        } else {
            super.handle(cmd, buf);
        }
    }

    @Override
    protected SSHPacket buildReq() throws UserAuthException {
        return request(false);
    }

    private SSHPacket request(boolean signed) throws UserAuthException {
        return super.buildReq().putBoolean(signed).putString(algorithm).putBytes(identity.blob());
    }

    private SSHPacket signed() throws UserAuthException {
        SSHPacket req = request(true);
        byte[] data = new Buffer.PlainBuffer()
                .putString(params.getTransport().getSessionID())
                .putBuffer(req)
                .getCompactData();
        try {
            req.putBytes(agent.sign(identity.blob(), data, flags));
        } catch (IOException e) {
            throw new UserAuthException("ssh-agent could not sign with " + identity.comment() + ": " + e.getMessage(), e);
        }
        return req;
    }

    @Override
    public String toString() {
        return "agent key " + identity.comment() + " (" + Fingerprints.sha256(identity.blob()) + ")";
    }
}
