package dev.ops.srv.discovery.internal;

import dev.ops.core.error.CorruptRecordException;
import dev.ops.core.text.AsciiNumbers;
import dev.ops.srv.discovery.ServiceInstance;
import dev.ops.srv.health.HealthStatus;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** An instance as the state store keeps it, under {@code srv/registry/<service>/<id>}: {@code key=value} lines. */
public final class InstanceRecord {
    /** The prefix of every instance's key. */
    public static final String PREFIX = "srv/registry/";

    private InstanceRecord() {}

    /** The key of {@code id} of {@code service}. */
    public static String key(String service, String id) {
        return PREFIX + service + "/" + id;
    }

    /** The stored form. */
    public static byte[] write(ServiceInstance i) {
        return ("service=" + i.service() + "\nid=" + i.id() + "\naddress=" + i.address() + "\nport=" + i.port() + "\ntags="
                + String.join(",", new TreeSet<>(i.tags())) + "\nhealth=" + i.health().name() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The instance stored under {@code key}. */
    public static ServiceInstance read(String key, byte[] bytes) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        try {
            ServiceInstance.Builder b = ServiceInstance.builder().service(m.get("service")).id(m.get("id")).address(m.get("address"))
                    .port(AsciiNumbers.parseInt(m.get("port"))).health(HealthStatus.valueOf(m.get("health")));
            for (String t : m.getOrDefault("tags", "").split(",")) {
                if (!t.isEmpty()) {
                    b.addTags(t);
                }
            }
            return b.build();
        } catch (RuntimeException e) {
            throw new CorruptRecordException(key, "state store", "not a service instance: " + e.getMessage(), e);
        }
    }
}
