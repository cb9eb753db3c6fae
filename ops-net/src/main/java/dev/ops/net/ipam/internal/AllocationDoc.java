package dev.ops.net.ipam.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ops.core.error.OpsException;
import dev.ops.core.json.internal.Json;
import dev.ops.net.IpAddress;
import dev.ops.net.ipam.Allocation;
import dev.ops.net.ipam.NodeSubnet;
import dev.ops.net.ipam.Pool;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The allocation document of one subnet: {@code {"subnet":..,"allocations":{ADDRESS:{owner,pool,at}}}}.
 * Each entry keeps its JSON text, so that writing the document is a concatenation.
 */
final class AllocationDoc {
    private record Item(Allocation allocation, String json, String claim) {}

    private final NodeSubnet subnet;
    private final TreeMap<BigInteger, Item> byAddress = new TreeMap<>();
    private final HashMap<String, Allocation> byOwner = new HashMap<>();

    private AllocationDoc(NodeSubnet subnet) {
        this.subnet = subnet;
    }

    /** Reads a document with Jackson's streaming parser, keeping each entry's JSON text for the next write. */
    static AllocationDoc read(byte[] bytes, NodeSubnet subnet) {
        AllocationDoc d = new AllocationDoc(subnet);
        if (bytes == null) {
            return d;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        try (JsonParser p = Json.mapper().getFactory().createParser(text)) {
            expect(p.nextToken() == JsonToken.START_OBJECT, "an object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (!field.equals("allocations")) {
                    p.skipChildren();
                    continue;
                }
                expect(p.currentToken() == JsonToken.START_OBJECT, "allocations to be an object");
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    int from = (int) p.currentTokenLocation().getCharOffset();
                    IpAddress ip = IpAddress.parse(p.currentName());
                    expect(p.nextToken() == JsonToken.START_OBJECT, "an object for " + ip);
                    String owner = null;
                    Pool pool = null;
                    Instant at = Instant.EPOCH;
                    String claim = null;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String k = p.currentName();
                        p.nextToken();
                        switch (k) {
                            case "owner" -> owner = p.getText();
                            case "pool" -> pool = p.currentToken() == JsonToken.VALUE_NULL ? null : Pool.valueOf(p.getText());
                            case "at" -> at = Instant.parse(p.getText());
                            case "claim" -> claim = p.getText();
                            default -> p.skipChildren();
                        }
                    }
                    int to = (int) p.currentTokenLocation().getCharOffset() + 1;
                    expect(owner != null, "an owner for " + ip);
                    Allocation a = IpamEngine.allocation(subnet, pool, ip, owner, at);
                    d.index(a, text.substring(from, to), claim);
                }
            }
            return d;
        } catch (java.io.IOException | RuntimeException e) {
            throw new OpsException("the allocation document of " + subnet.node() + " " + subnet.cidr() + " is unreadable: " + e.getMessage(), e);
        }
    }

    private static void expect(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("expected " + what);
        }
    }

    AllocationDoc copy() {
        AllocationDoc d = new AllocationDoc(subnet);
        d.byAddress.putAll(byAddress);
        d.byOwner.putAll(byOwner);
        return d;
    }

    boolean isTaken(BigInteger ip) {
        return byAddress.containsKey(ip);
    }

    /** The first address from {@code from} to {@code to} that is neither allocated nor in {@code also}, or null. */
    BigInteger firstFree(BigInteger from, BigInteger to, Set<BigInteger> also) {
        BigInteger cursor = from;
        Iterator<BigInteger> taken = byAddress.tailMap(from, true).keySet().iterator();
        BigInteger next = taken.hasNext() ? taken.next() : null;
        while (cursor.compareTo(to) <= 0) {
            if (next != null && next.compareTo(cursor) < 0) {
                next = taken.hasNext() ? taken.next() : null;
            } else if (cursor.equals(next) || also.contains(cursor)) {
                cursor = cursor.add(BigInteger.ONE);
            } else {
                return cursor;
            }
        }
        return null;
    }

    Optional<Allocation> get(IpAddress ip) {
        return Optional.ofNullable(byAddress.get(ip.value())).map(Item::allocation);
    }

    Optional<Allocation> byOwner(String owner, Pool pool) {
        return Optional.ofNullable(byOwner.get(owner + "\0" + pool));
    }

    private void index(Allocation a, String json, String claim) {
        Item old = byAddress.put(a.address().value(), new Item(a, json, claim));
        if (old != null) {
            old.allocation().pool().ifPresent(p -> byOwner.remove(old.allocation().owner() + "\0" + p));
        }
        a.pool().ifPresent(p -> byOwner.put(a.owner() + "\0" + p, a));
    }

    /** The addresses marked with {@code claim}. */
    List<IpAddress> claimed(String claim) {
        return byAddress.values().stream().filter(i -> claim.equals(i.claim())).map(i -> i.allocation().address()).toList();
    }

    void put(Allocation a, String claim) {
        StringBuilder j = new StringBuilder(96).append('"').append(a.address()).append("\":{\"owner\":");
        quote(j, a.owner());
        a.pool().ifPresent(p -> j.append(",\"pool\":\"").append(p.name()).append('"'));
        j.append(",\"at\":\"").append(a.at()).append('"');
        if (claim != null) {
            j.append(",\"claim\":");
            quote(j, claim);
        }
        index(a, j.append('}').toString(), claim);
    }

    boolean remove(IpAddress ip) {
        Item old = byAddress.remove(ip.value());
        if (old != null) {
            old.allocation().pool().ifPresent(p -> byOwner.remove(old.allocation().owner() + "\0" + p));
        }
        return old != null;
    }

    List<Allocation> all() {
        return byAddress.values().stream().map(Item::allocation).toList();
    }

    byte[] write() {
        StringBuilder sb = new StringBuilder(64 + byAddress.size() * 96);
        sb.append("{\"subnet\":\"").append(subnet.cidr()).append("\",\"allocations\":{");
        boolean first = true;
        for (Item i : byAddress.values()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append(i.json());
        }
        return sb.append("}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
