package dev.ops.net.ipam;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.OpsException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violations;
import dev.ops.core.json.internal.Json;
import dev.ops.core.store.StateStore;
import dev.ops.core.store.Versioned;
import dev.ops.net.IpAddress;
import dev.ops.net.IpFamily;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands out addresses from the node subnets of an {@link IpamConfig}, never the same one twice,
 * also across processes: each subnet's allocations are one document in the {@link StateStore}
 * ({@code net/ipam/NODE/SUBNET}) that every change replaces with compare-and-set.
 *
 * <pre>{@code
 * IpAllocator ipam = IpAllocator.create(ops.store(), IpamConfig.load(Path.of("ipam.yaml")));
 * Allocation a = ipam.allocate("node-02", Pool.VM, "vm/101");          // 192.168.2.100
 * ipam.assign("node-02", "192.168.2.150", "vm/150");                   // explicit
 * ipam.release("node-02", a.address());
 * }</pre>
 */
public final class IpAllocator {
    /** The key prefix of allocation documents. */
    public static final String PREFIX = "net/ipam/";

    private final StateStore store;
    private final IpamConfig config;
    private final Clock clock;
    private final ConcurrentHashMap<String, Combiner> combiners = new ConcurrentHashMap<>();

    private IpAllocator(StateStore store, IpamConfig config, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** An allocator over {@code store}. */
    public static IpAllocator create(StateStore store, IpamConfig config) {
        return new IpAllocator(store, config, Clock.systemUTC());
    }

    /** The same allocator with another clock (for the allocation time stamps). */
    public IpAllocator withClock(Clock other) {
        return new IpAllocator(store, config, other);
    }

    /** The configuration. */
    public IpamConfig config() {
        return config;
    }

    /** The next free address of {@code pool} in the node's IPv4 subnet (else its only one), for {@code owner}. */
    public Allocation allocate(String node, Pool pool, String owner) {
        return allocate(node, pool, defaultFamily(node), owner);
    }

    /**
     * The lowest free address of {@code pool} in the node's subnet of {@code family}. An owner
     * that already holds an address of that pool gets the same one back.
     */
    public Allocation allocate(String node, Pool pool, IpFamily family, String owner) {
        return allocateAll(node, pool, family, List.of(owner)).get(0);
    }

    /**
     * One address for each owner, in order, all or none, written with a single compare-and-set.
     * Concurrent calls in this JVM for the same subnet are combined into one write (group
     * commit), which is what keeps allocation fast on a store that fsyncs every write.
     */
    public List<Allocation> allocateAll(String node, Pool pool, IpFamily family, List<String> owners) {
        Violations v = Violations.of("allocation");
        owners.forEach(o -> checkOwner(v, o));
        v.check(!owners.isEmpty(), "owners", "must not be empty");
        v.throwIfAny();
        NodeSubnet subnet = subnet(node, family);
        IpRange range = subnet.range(pool).orElseThrow(() -> new ValidationException("allocation",
                Violations.of("allocation").add("pool", node + " " + subnet.cidr() + " has no " + pool.configName() + " range").list()));
        Request request = new Request(pool, range, List.copyOf(owners));
        Combiner combiner = combiners.computeIfAbsent(key(subnet), k -> new Combiner(k, subnet));
        combiner.queue.add(request);
        combiner.lock.lock();
        try {
            if (!request.done) {
                List<Request> batch = new ArrayList<>();
                for (Request r; (r = combiner.queue.poll()) != null; ) {
                    batch.add(r);
                }
                combiner.run(batch);
            }
        } finally {
            combiner.lock.unlock();
        }
        if (request.error != null) {
            if (request.error instanceof AddressExhaustedException e) {
                throw new AddressExhaustedException(e.node(), e.pool(), range);
            }
            throw request.error;
        }
        return request.result;
    }

    /** One call of {@link #allocateAll}, waiting in a {@link Combiner}. */
    private static final class Request {
        final Pool pool;
        final IpRange range;
        final List<String> owners;
        volatile boolean done;
        volatile List<Allocation> result;
        volatile RuntimeException error;

        Request(Pool pool, IpRange range, List<String> owners) {
            this.pool = pool;
            this.range = range;
            this.owners = owners;
        }
    }

    /** Per subnet: the requests waiting, the lock whose holder writes them all, and the last document it wrote. */
    private final class Combiner {
        final String key;
        final NodeSubnet subnet;
        final ReentrantLock lock = new ReentrantLock(true);
        final ConcurrentLinkedQueue<Request> queue = new ConcurrentLinkedQueue<>();
        long cachedVersion = -1;
        Doc cached;

        Combiner(String key, NodeSubnet subnet) {
            this.key = key;
            this.subnet = subnet;
        }

        void run(List<Request> batch) {
            try {
                for (int attempt = 0; ; attempt++) {
                    Optional<Versioned> current = store.get(key);
                    long version = current.map(Versioned::version).orElse(StateStore.ABSENT);
                    Doc doc = version == cachedVersion && cached != null ? cached.copy()
                            : Doc.read(current.map(Versioned::value).orElse(null), subnet);
                    Set<BigInteger> reserved = new HashSet<>();
                    subnet.gateway().ifPresent(g -> reserved.add(g.value()));
                    boolean changed = false;
                    Instant now = clock.instant();
                    for (Request r : batch) {
                        r.error = null;
                        List<Allocation> got = new ArrayList<>();
                        List<Allocation> added = new ArrayList<>();
                        BigInteger cursor = r.range.first().value();
                        BigInteger end = r.range.last().value();
                        for (String owner : r.owners) {
                            Optional<Allocation> held = doc.byOwner(owner, r.pool);
                            if (held.isPresent()) {
                                got.add(held.get());
                                continue;
                            }
                            cursor = doc.firstFree(cursor, end, reserved);
                            if (cursor == null) {
                                r.error = new AddressExhaustedException(subnet.node(), r.pool, r.range);
                                break;
                            }
                            Allocation a = allocation(subnet, r.pool, new IpAddress(subnet.family(), cursor), owner, now);
                            doc.put(a);
                            got.add(a);
                            added.add(a);
                        }
                        if (r.error != null) {
                            added.forEach(a -> doc.remove(a.address()));
                        } else {
                            r.result = List.copyOf(got);
                            changed |= !added.isEmpty();
                        }
                    }
                    if (!changed || store.compareAndSet(key, version, doc.write())) {
                        if (changed) {
                            cachedVersion = version + 1;
                            cached = doc;
                        }
                        break;
                    }
                    backoff(attempt);
                }
            } catch (RuntimeException e) {
                batch.forEach(r -> r.error = e);
            } finally {
                batch.forEach(r -> r.done = true);
            }
        }
    }

    private static void backoff(int attempt) {
        if (attempt < 3) {
            Thread.onSpinWait();
            return;
        }
        if (attempt > 10_000) {
            throw new ConflictException("ipam", "too much contention, allocation gave up", true);
        }
        long maxMicros = Math.min(20_000, 50L << Math.min(attempt - 3, 9));
        try {
            Thread.sleep(Duration.ofNanos(1000 * ThreadLocalRandom.current().nextLong(1, maxMicros + 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpsException("interrupted while allocating", e);
        }
    }

    /** Gives {@code address} to {@code owner}; an {@link AddressTakenException} when someone else holds it. */
    public Allocation assign(String node, String address, String owner) {
        Violations v = Violations.of("assignment");
        v.check(IpAddress.tryParse(address).isPresent(), "address", "'" + address + "' is not an IP address");
        checkOwner(v, owner);
        v.throwIfAny();
        IpAddress ip = IpAddress.parse(address);
        NodeSubnet subnet = config.subnetFor(node, ip).orElseThrow(() -> new ValidationException("assignment",
                Violations.of("assignment").add("address", address + " is in no subnet of " + node + " " + subnetNames(node)).list()));
        Violations inSubnet = Violations.of("assignment");
        inSubnet.check(!ip.equals(subnet.cidr().first()) || subnet.family() == IpFamily.IPV6 || subnet.cidr().prefix() >= 31, "address",
                address + " is the network address of " + subnet.cidr());
        inSubnet.check(!ip.equals(subnet.cidr().last()) || subnet.family() == IpFamily.IPV6 || subnet.cidr().prefix() >= 31, "address",
                address + " is the broadcast address of " + subnet.cidr());
        inSubnet.throwIfAny();
        if (subnet.gateway().map(ip::equals).orElse(false)) {
            throw new AddressTakenException(node, ip, "the gateway of " + subnet.cidr());
        }
        Optional<Pool> pool = subnet.ranges().entrySet().stream().filter(e -> e.getValue().contains(ip)).map(Map.Entry::getKey).findFirst();
        Allocation[] out = new Allocation[1];
        store.update(key(subnet), bytes -> {
            Doc doc = Doc.read(bytes, subnet);
            Optional<Allocation> current = doc.get(ip);
            if (current.isPresent()) {
                if (!current.get().owner().equals(owner)) {
                    throw new AddressTakenException(node, ip, current.get().owner());
                }
                out[0] = current.get();
                return bytes;
            }
            out[0] = allocation(subnet, pool.orElse(null), ip, owner, clock.instant());
            doc.put(out[0]);
            return doc.write();
        });
        return out[0];
    }

    /** Frees {@code address}; returns whether it was allocated. */
    public boolean release(String node, IpAddress address) {
        Optional<NodeSubnet> subnet = config.subnetFor(node, address);
        if (subnet.isEmpty()) {
            return false;
        }
        boolean[] found = new boolean[1];
        store.update(key(subnet.get()), bytes -> {
            Doc doc = Doc.read(bytes, subnet.get());
            found[0] = doc.remove(address);
            return found[0] ? doc.write() : bytes;
        });
        return found[0];
    }

    /** Frees every address {@code owner} holds on {@code node}; returns them. */
    public List<IpAddress> releaseOwner(String node, String owner) {
        List<IpAddress> released = new ArrayList<>();
        for (NodeSubnet s : config.subnetsOf(node)) {
            store.update(key(s), bytes -> {
                Doc doc = Doc.read(bytes, s);
                List<IpAddress> mine = doc.all().stream().filter(a -> a.owner().equals(owner)).map(Allocation::address).toList();
                mine.forEach(doc::remove);
                released.removeIf(ip -> ip.family() == s.family());
                released.addAll(mine);
                return mine.isEmpty() ? bytes : doc.write();
            });
        }
        return released;
    }

    /** Every allocation on {@code node}, by address. */
    public List<Allocation> allocations(String node) {
        List<Allocation> out = new ArrayList<>();
        for (NodeSubnet s : subnets(node)) {
            out.addAll(Doc.read(store.get(key(s)).map(Versioned::value).orElse(null), s).all());
        }
        return out;
    }

    /** The allocation of {@code address}, if any. */
    public Optional<Allocation> find(String node, IpAddress address) {
        return config.subnetFor(node, address)
                .flatMap(s -> Doc.read(store.get(key(s)).map(Versioned::value).orElse(null), s).get(address));
    }

    private List<NodeSubnet> subnets(String node) {
        List<NodeSubnet> s = config.subnetsOf(node);
        if (s.isEmpty()) {
            throw new NotFoundException("node " + node, "has no subnet in the IPAM config; known: "
                    + config.subnets().stream().map(NodeSubnet::node).distinct().toList());
        }
        return s;
    }

    private String subnetNames(String node) {
        return config.subnetsOf(node).stream().map(s -> s.cidr().toString()).toList().toString();
    }

    private IpFamily defaultFamily(String node) {
        List<NodeSubnet> s = subnets(node);
        return s.stream().anyMatch(x -> x.family() == IpFamily.IPV4) ? IpFamily.IPV4 : s.get(0).family();
    }

    private NodeSubnet subnet(String node, IpFamily family) {
        return subnets(node).stream().filter(s -> s.family() == family).findFirst()
                .orElseThrow(() -> new NotFoundException("node " + node, "has no " + family + " subnet"));
    }

    private static void checkOwner(Violations v, String owner) {
        v.check(owner != null && !owner.isBlank() && owner.length() <= 200 && owner.chars().noneMatch(Character::isISOControl),
                "owner", "must be 1-200 printable characters");
    }

    /** An allocation in {@code subnet}; {@code pool} null for an explicit assignment outside the pools. */
    private static Allocation allocation(NodeSubnet subnet, Pool pool, IpAddress ip, String owner, Instant at) {
        Allocation.Builder b = Allocation.builder().node(subnet.node()).address(ip).subnet(subnet.cidr()).owner(owner).at(at);
        subnet.gateway().ifPresent(b::gateway);
        if (pool != null) {
            b.pool(pool);
        }
        return b.build();
    }

    static String key(NodeSubnet s) {
        return PREFIX + s.node() + "/" + s.cidr().toString().replace('/', '_');
    }

    /**
     * The allocation document of one subnet: {@code {"subnet":..,"allocations":{ADDRESS:{owner,pool,at}}}}.
     * Each entry keeps its JSON text, so that writing the document is a concatenation.
     */
    private static final class Doc {
        private record Item(Allocation allocation, String json) {}

        private final NodeSubnet subnet;
        private final TreeMap<BigInteger, Item> byAddress = new TreeMap<>();
        private final HashMap<String, Allocation> byOwner = new HashMap<>();

        private Doc(NodeSubnet subnet) {
            this.subnet = subnet;
        }

        /** Reads a document with Jackson's streaming parser, keeping each entry's JSON text for the next write. */
        static Doc read(byte[] bytes, NodeSubnet subnet) {
            Doc d = new Doc(subnet);
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
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String k = p.currentName();
                            p.nextToken();
                            switch (k) {
                                case "owner" -> owner = p.getText();
                                case "pool" -> pool = p.currentToken() == JsonToken.VALUE_NULL ? null : Pool.valueOf(p.getText());
                                case "at" -> at = Instant.parse(p.getText());
                                default -> p.skipChildren();
                            }
                        }
                        int to = (int) p.currentTokenLocation().getCharOffset() + 1;
                        expect(owner != null, "an owner for " + ip);
                        Allocation a = allocation(subnet, pool, ip, owner, at);
                        d.index(a, text.substring(from, to));
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

        Doc copy() {
            Doc d = new Doc(subnet);
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

        private void index(Allocation a, String json) {
            Item old = byAddress.put(a.address().value(), new Item(a, json));
            if (old != null) {
                old.allocation().pool().ifPresent(p -> byOwner.remove(old.allocation().owner() + "\0" + p));
            }
            a.pool().ifPresent(p -> byOwner.put(a.owner() + "\0" + p, a));
        }

        void put(Allocation a) {
            StringBuilder j = new StringBuilder(96).append('"').append(a.address()).append("\":{\"owner\":");
            quote(j, a.owner());
            a.pool().ifPresent(p -> j.append(",\"pool\":\"").append(p.name()).append('"'));
            j.append(",\"at\":\"").append(a.at()).append("\"}");
            index(a, j.toString());
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
}
