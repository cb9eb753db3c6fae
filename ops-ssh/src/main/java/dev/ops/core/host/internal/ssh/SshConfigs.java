package dev.ops.core.host.internal.ssh;

import com.hierynomus.sshj.key.KeyAlgorithms;
import com.hierynomus.sshj.transport.cipher.BlockCiphers;
import com.hierynomus.sshj.transport.cipher.ChachaPolyCiphers;
import com.hierynomus.sshj.transport.cipher.GcmCiphers;
import com.hierynomus.sshj.transport.kex.ExtInfoClientFactory;
import com.hierynomus.sshj.transport.mac.Macs;
import java.util.List;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.transport.kex.Curve25519SHA256;
import net.schmizz.sshj.transport.kex.ECDHNistP;

/**
 * The one sshj configuration every {@link dev.ops.core.host.SshHost} shares. Building sshj's
 * {@link DefaultConfig} probes some thirty ciphers, so it is built once per JVM; and its algorithm
 * lists are cut down to modern, fast ones in the order a client should prefer them: curve25519
 * key exchange, AES-GCM (hardware accelerated in the JDK), ed25519/ECDSA/RSA-SHA2 host keys.
 */
public final class SshConfigs {
    private SshConfigs() {}

    private static final class Holder {
        static final Config CONFIG = build();
    }

    /** The shared configuration. */
    public static Config shared() {
        return Holder.CONFIG;
    }

    private static Config build() {
        DefaultConfig c = new DefaultConfig();
        c.setLoggerFactory(QuietSshjLogging.INSTANCE);
        c.setKeyExchangeFactories(List.of(
                new Curve25519SHA256.Factory(),
                new Curve25519SHA256.FactoryLibSsh(),
                new ECDHNistP.Factory256(),
                new ECDHNistP.Factory384(),
                new ECDHNistP.Factory521(),
                new ExtInfoClientFactory()));
        c.setCipherFactories(List.of(
                GcmCiphers.AES128GCM(),
                GcmCiphers.AES256GCM(),
                BlockCiphers.AES128CTR(),
                BlockCiphers.AES256CTR(),
                ChachaPolyCiphers.CHACHA_POLY_OPENSSH()));
        c.setMACFactories(List.of(
                Macs.HMACSHA2256Etm(),
                Macs.HMACSHA2512Etm(),
                Macs.HMACSHA2256(),
                Macs.HMACSHA2512()));
        c.setKeyAlgorithms(List.of(
                KeyAlgorithms.EdDSA25519(),
                KeyAlgorithms.ECDSASHANistp256(),
                KeyAlgorithms.ECDSASHANistp384(),
                KeyAlgorithms.ECDSASHANistp521(),
                KeyAlgorithms.RSASHA512(),
                KeyAlgorithms.RSASHA256(),
                KeyAlgorithms.EdDSA25519CertV01(),
                KeyAlgorithms.ECDSASHANistp256CertV01(),
                KeyAlgorithms.SSHRSACertV01()));
        c.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
        return c;
    }
}
