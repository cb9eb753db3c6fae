package dev.ops.srv.haproxy;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A UNIX socket that answers the runtime API commands ops sends the way HAProxy 2.x does: data for
 * {@code show stat}, nothing for a successful {@code set}, an error text otherwise; one command
 * per connection. Keeps the servers' status and weight, and records every command.
 */
public final class FakeHaproxySocket implements AutoCloseable {
    public final Path path;
    public final List<String> received = new CopyOnWriteArrayList<>();
    /** backend/server -> {status, weight} */
    final Map<String, String[]> servers = new LinkedHashMap<>();
    volatile boolean silent;
    private final ServerSocketChannel channel;
    private final Thread loop;

    public FakeHaproxySocket(Path dir) throws IOException {
        path = dir.resolve("admin.sock");
        channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        channel.bind(UnixDomainSocketAddress.of(path));
        loop = Thread.ofPlatform().daemon().name("fake-haproxy").start(this::serve);
    }

    public FakeHaproxySocket server(String backend, String server, String status, int weight) {
        synchronized (servers) {
            servers.put(backend + "/" + server, new String[] {status, Integer.toString(weight)});
        }
        return this;
    }

    public String status(String backend, String server) {
        synchronized (servers) {
            return servers.get(backend + "/" + server)[0];
        }
    }

    public int weight(String backend, String server) {
        synchronized (servers) {
            return Integer.parseInt(servers.get(backend + "/" + server)[1]);
        }
    }

    private void serve() {
        while (channel.isOpen()) {
            try (SocketChannel c = channel.accept()) {
                ByteBuffer buf = ByteBuffer.allocate(4096);
                StringBuilder line = new StringBuilder();
                while (line.indexOf("\n") < 0 && c.read(buf) >= 0) {
                    buf.flip();
                    line.append(StandardCharsets.UTF_8.decode(buf));
                    buf.clear();
                }
                String command = line.toString().strip();
                received.add(command);
                if (silent) {
                    Thread.sleep(10_000);
                    continue;
                }
                c.write(ByteBuffer.wrap(answer(command).getBytes(StandardCharsets.UTF_8)));
            } catch (IOException | InterruptedException e) {
                return;
            }
        }
    }

    private String answer(String command) {
        String[] w = command.split(" ");
        synchronized (servers) {
            if (command.equals("show stat")) {
                StringBuilder out = new StringBuilder("# pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,"
                        + "wretr,wredis,status,weight,act,bck,chkfail,chkdown,lastchg,downtime,qlimit,pid,iid,sid,throttle,lbtot,tracked,"
                        + "type,rate,rate_lim,rate_max,check_status,check_code,check_duration,hrsp_1xx,hrsp_2xx,hrsp_3xx,hrsp_4xx,hrsp_5xx,\n");
                List<String> backends = new ArrayList<>();
                servers.forEach((k, v) -> {
                    String[] bs = k.split("/");
                    if (!backends.contains(bs[0])) {
                        backends.add(bs[0]);
                    }
                    out.append(bs[0]).append(',').append(bs[1]).append(",0,0,2,5,,40,0,0,,0,,0,0,0,0,").append(v[0]).append(',').append(v[1])
                            .append(",1,0,0,0,10,0,,1,2,1,,40,,2,0,,3,L7OK,200,1,0,38,0,0,2,\n");
                });
                backends.forEach(b -> out.append(b).append(",BACKEND,0,0,2,5,,40,0,0,0,0,,0,0,0,0,UP,2,2,0,,0,10,0,,1,2,0,,40,,1,0,,3,,,,0,38,0,0,2,\n"));
                return out.append('\n').toString();
            }
            if (w.length == 5 && w[0].equals("set") && w[1].equals("server") && w[3].equals("state")) {
                String[] s = servers.get(w[2]);
                if (s == null) {
                    return "No such server.\n";
                }
                s[0] = switch (w[4]) {
                    case "drain" -> "DRAIN";
                    case "maint" -> "MAINT";
                    case "ready" -> "UP";
                    default -> s[0];
                };
                return w[4].matches("drain|maint|ready") ? "" : "'set server <srv> state' expects 'ready', 'drain' and 'maint'.\n";
            }
            if (w.length == 4 && w[0].equals("set") && w[1].equals("weight")) {
                String[] s = servers.get(w[2]);
                if (s == null) {
                    return "No such server.\n";
                }
                s[1] = w[3];
                return "";
            }
            return "Unknown command: '" + w[0] + "'\n";
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
        loop.interrupt();
        Files.deleteIfExists(path);
    }
}
