package dev.ops.core.host.internal.ssh;

import dev.ops.core.error.AuthenticationException;
import dev.ops.core.secret.Secret;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.userauth.keyprovider.FileKeyProvider;
import net.schmizz.sshj.userauth.keyprovider.KeyFormat;
import net.schmizz.sshj.userauth.keyprovider.KeyPairWrapper;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.keyprovider.KeyProviderUtil;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.password.PasswordUtils;

/**
 * The ways one host authenticates: ssh-agent identities first, then a private key file. The key
 * file is read and decrypted once (decrypting an OpenSSH key costs bcrypt rounds) and kept.
 */
public final class Credentials {
    private final String target;
    private final Optional<Path> keyFile;
    private final Optional<Secret> passphrase;
    private final Optional<Path> agentSocket;
    private volatile KeyProvider key;

    public Credentials(String target, Optional<Path> keyFile, Optional<Secret> passphrase, Optional<Path> agentSocket) {
        this.target = target;
        this.keyFile = keyFile;
        this.passphrase = passphrase;
        this.agentSocket = agentSocket;
    }

    /** Fresh auth methods for one connection attempt; each answer of the ssh-agent is awaited at most {@code agentTimeout}. */
    public List<AuthMethod> methods(Duration agentTimeout) {
        List<AuthMethod> methods = new ArrayList<>();
        agentSocket.ifPresent(socket -> {
            AgentClient agent = new AgentClient(socket, agentTimeout);
            try {
                for (AgentClient.Identity id : agent.identities()) {
                    methods.add(new AgentAuthMethod(agent, id));
                }
            } catch (IOException e) {
                if (keyFile.isEmpty()) {
                    throw new AuthenticationException(target, "cannot use ssh-agent at " + socket + ": " + e.getMessage(), e);
                }
            }
        });
        if (keyFile.isPresent()) {
            methods.add(new SignedPublickeyAuth(key()));
        }
        if (methods.isEmpty()) {
            throw new AuthenticationException(target, "ssh-agent at " + agentSocket.map(Path::toString).orElse("?")
                    + " holds no identities", null);
        }
        return methods;
    }

    /** What was offered, for an error message. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        agentSocket.ifPresent(s -> parts.add("ssh-agent " + s));
        keyFile.ifPresent(k -> parts.add("key " + k));
        return String.join(" and ", parts);
    }

    private KeyProvider key() {
        KeyProvider k = key;
        if (k == null) {
            synchronized (this) {
                k = key;
                if (k == null) {
                    k = load(keyFile.orElseThrow());
                    key = k;
                }
            }
        }
        return k;
    }

    private KeyProvider load(Path path) {
        if (!Files.exists(path)) {
            throw new AuthenticationException(target, "private key file " + path + " does not exist", null);
        }
        if (!Files.isReadable(path)) {
            throw new AuthenticationException(target, "private key file " + path + " is not readable", null);
        }
        File file = path.toFile();
        SshConfigs.shared(); // decides the security provider before any key is parsed
        try {
            KeyFormat format = KeyProviderUtil.detectKeyFileFormat(file);
            FileKeyProvider provider = Factory.Named.Util.create(SshConfigs.shared().getFileKeyProviderFactories(), format.toString());
            if (provider == null) {
                throw new AuthenticationException(target, "private key file " + path + " has an unsupported format " + format, null);
            }
            if (passphrase.isPresent()) {
                provider.init(file, PasswordUtils.createOneOff(passphrase.get().reveal().toCharArray()));
            } else {
                provider.init(file);
            }
            // Decrypt now, so that a wrong passphrase is reported as such rather than as a refused login.
            return new KeyPairWrapper(provider.getPublic(), provider.getPrivate());
        } catch (IOException | RuntimeException e) {
            if (e instanceof AuthenticationException a) {
                throw a;
            }
            String why = passphrase.isPresent() ? "wrong passphrase or damaged key"
                    : "the key may be encrypted and no passphrase was given";
            throw new AuthenticationException(target, "cannot load private key file " + path + " (" + why + "): "
                    + e.getMessage(), e);
        }
    }
}
