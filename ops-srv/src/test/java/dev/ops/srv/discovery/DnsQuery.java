package dev.ops.srv.discovery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** A DNS A query over UDP, enough to ask a dnsmasq on loopback: the addresses of the answer, empty when none. */
final class DnsQuery {
    private DnsQuery() {}

    static List<String> a(int port, String name) throws IOException {
        ByteArrayOutputStream q = new ByteArrayOutputStream();
        q.writeBytes(new byte[] {0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0});
        for (String label : name.split("\\.")) {
            q.write(label.length());
            q.writeBytes(label.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        q.writeBytes(new byte[] {0, 0, 1, 0, 1});
        byte[] query = q.toByteArray();
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(2000);
            s.send(new DatagramPacket(query, query.length, InetAddress.getLoopbackAddress(), port));
            byte[] buf = new byte[1500];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            s.receive(p);
            int answers = (buf[6] & 0xff) << 8 | buf[7] & 0xff;
            int at = query.length;
            List<String> out = new ArrayList<>();
            for (int i = 0; i < answers; i++) {
                at = skipName(buf, at);
                int type = (buf[at] & 0xff) << 8 | buf[at + 1] & 0xff;
                int length = (buf[at + 8] & 0xff) << 8 | buf[at + 9] & 0xff;
                at += 10;
                if (type == 1 && length == 4) {
                    out.add((buf[at] & 0xff) + "." + (buf[at + 1] & 0xff) + "." + (buf[at + 2] & 0xff) + "." + (buf[at + 3] & 0xff));
                }
                at += length;
            }
            return out;
        }
    }

    private static int skipName(byte[] buf, int at) {
        while (true) {
            int len = buf[at] & 0xff;
            if ((len & 0xc0) == 0xc0) {
                return at + 2;
            }
            if (len == 0) {
                return at + 1;
            }
            at += len + 1;
        }
    }
}
