package dev.ops.core.host.internal.ssh;

import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.KeyedAuthMethod;

/**
 * SSH "publickey" authentication that sends the signed request at once (RFC 4252 section 7 allows
 * it) instead of first asking whether the key is acceptable: one round trip and one
 * authorized_keys lookup on the server fewer per connection, which counts when a fleet of hosts
 * is connected at once. The key is ours, loaded already, so signing up front costs nothing extra.
 */
public final class SignedPublickeyAuth extends KeyedAuthMethod {

    public SignedPublickeyAuth(KeyProvider key) {
        super("publickey", key);
    }

    @Override
    protected SSHPacket buildReq() throws UserAuthException {
        return putSig(putPubKey(super.buildReq().putBoolean(true)));
    }
}
