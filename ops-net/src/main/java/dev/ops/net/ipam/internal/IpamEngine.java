package dev.ops.net.ipam.internal;

import dev.ops.core.error.ConflictException;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.OpsException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violations;
import dev.ops.core.store.StateStore;
import dev.ops.core.store.Versioned;
import dev.ops.net.IpAddress;
import dev.ops.net.IpFamily;
import dev.ops.net.ipam.AddressExhaustedException;
import dev.ops.net.ipam.AddressTakenException;
import dev.ops.net.ipam.Allocation;
import dev.ops.net.ipam.IpRange;
import dev.ops.net.ipam.IpamConfig;
import dev.ops.net.ipam.NodeSubnet;
import dev.ops.net.ipam.Pool;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The allocation engine behind {@link dev.ops.net.ipam.IpAllocator}: hands out addresses from the
 * node subnets of an {@link IpamConfig}, never the same one twice, also across processes: each
 * subnet's allocations are one document in the {@link StateStore} ({@code net/ipam/NODE/SUBNET})
 * that every write replaces with compare-and-set. Users reach it through the allocator's changes;
 * an entry written for a change carries the change's claim, so that its undo releases exactly what
 * the change took.
 */
public final class IpamEngine {
    /** The key prefix of allocation documents. */
    public static final String PREFIX = "net/ipam/";

    private final StateStore store;
    private final IpamConfig config;
    private final Clock clock;
    private final ConcurrentHashMap<String, Combiner> combiners = new ConcurrentHashMap<>();

    private IpamEngine(StateStore store, IpamConfig config, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** An allocator over {@code store}. */
    public static IpamEngine create(StateStore store, IpamConfig config) {
        return new IpamEngine(store, config, Clock.systemUTC());
    }

    /** The same allocator with another clock (for the allocation time stamps). */
    public IpamEngine withClock(Clock other) {
        return new IpamEngine(store, config, other);
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
        return allocateAll(node, pool, family, owners, null);
    }

    /**
     * As {@link #allocateAll(String, Pool, IpFamily, List)}, marking each address it newly hands out
     * with {@code claim} (null for none), so that {@link #releaseClaim} frees exactly those.
     */
    public List<Allocation> allocateAll(String node, Pool pool, IpFamily family, List<String> owners, String claim) {
        Violations v = Violations.of("allocation");
        owners.forEach(o -> checkOwner(v, o));
        v.check(!owners.isEmpty(), "owners", "must not be empty");
        v.throwIfAny();
        NodeSubnet subnet = subnet(node, family);
        IpRange range = subnet.range(pool).orElseThrow(() -> new ValidationException("allocation",
                Violations.of("allocation").add("pool", node + " " + subnet.cidr() + " has no " + pool.configName() + " range").list()));
        Request request = new Request(pool, range, List.copyOf(owners), claim);
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
        final String claim;
        volatile boolean done;
        volatile List<Allocation> result;
        volatile RuntimeException error;

        Request(Pool pool, IpRange range, List<String> owners, String claim) {
            this.pool = pool;
            this.range = range;
            this.owners = owners;
            this.claim = claim;
        }
    }

    /** Per subnet: the requests waiting, the lock whose holder writes them all, and the last document it wrote. */
    private final class Combiner {
        final String key;
        final NodeSubnet subnet;
        final ReentrantLock lock = new ReentrantLock(true);
        final ConcurrentLinkedQueue<Request> queue = new ConcurrentLinkedQueue<>();
        long cachedVersion = -1;
        AllocationDoc cached;

        Combiner(String key, NodeSubnet subnet) {
            this.key = key;
            this.subnet = subnet;
        }

        void run(List<Request> batch) {
            try {
                for (int attempt = 0; ; attempt++) {
                    Optional<Versioned> current = store.get(key);
                    long version = current.map(Versioned::version).orElse(StateStore.ABSENT);
                    AllocationDoc doc = version == cachedVersion && cached != null ? cached.copy()
                            : AllocationDoc.read(current.map(Versioned::value).orElse(null), subnet);
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
                            doc.put(a, r.claim);
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
        return assign(node, address, owner, null);
    }

    /** As {@link #assign(String, String, String)}, marking a new assignment with {@code claim} (null for none). */
    public Allocation assign(String node, String address, String owner, String claim) {
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
            AllocationDoc doc = AllocationDoc.read(bytes, subnet);
            Optional<Allocation> current = doc.get(ip);
            if (current.isPresent()) {
                if (!current.get().owner().equals(owner)) {
                    throw new AddressTakenException(node, ip, current.get().owner());
                }
                out[0] = current.get();
                return bytes;
            }
            out[0] = allocation(subnet, pool.orElse(null), ip, owner, clock.instant());
            doc.put(out[0], claim);
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
            AllocationDoc doc = AllocationDoc.read(bytes, subnet.get());
            found[0] = doc.remove(address);
            return found[0] ? doc.write() : bytes;
        });
        return found[0];
    }

    /** The lowest address of {@code pool} that {@link #allocate} would hand out now, if any is free; reads only. */
    public Optional<IpAddress> nextFree(String node, Pool pool, IpFamily family) {
        NodeSubnet subnet = subnet(node, family);
        Optional<IpRange> range = subnet.range(pool);
        if (range.isEmpty()) {
            return Optional.empty();
        }
        AllocationDoc doc = AllocationDoc.read(store.get(key(subnet)).map(Versioned::value).orElse(null), subnet);
        Set<BigInteger> reserved = new HashSet<>();
        subnet.gateway().ifPresent(g -> reserved.add(g.value()));
        return Optional.ofNullable(doc.firstFree(range.get().first().value(), range.get().last().value(), reserved))
                .map(v -> new IpAddress(subnet.family(), v));
    }

    /** The subnet of {@code node} that holds {@code address}, if any. */
    public Optional<NodeSubnet> subnetOf(String node, IpAddress address) {
        return config.subnetFor(node, address);
    }

    /** The subnet of {@code node} of {@code family}; a not-found error naming the node when it has none. */
    public NodeSubnet subnetOf(String node, IpFamily family) {
        return subnet(node, family);
    }

    /**
     * Frees every address marked with {@code claim} in the allocation document of {@code node}'s
     * subnet {@code cidr}, reading only the store (an undo run by a fresh JVM has no configuration);
     * returns them.
     */
    public static List<IpAddress> releaseClaim(StateStore store, String node, String cidr, String claim) {
        NodeSubnet subnet = NodeSubnet.of(node, cidr);
        List<IpAddress> released = new ArrayList<>();
        store.update(key(subnet), bytes -> {
            if (bytes == null) {
                return null;
            }
            AllocationDoc doc = AllocationDoc.read(bytes, subnet);
            released.clear();
            released.addAll(doc.claimed(claim));
            released.forEach(doc::remove);
            return released.isEmpty() ? bytes : doc.write();
        });
        return released;
    }

    /** Frees {@code address} in {@code subnet}'s document when {@code owner} holds it, reading only the store; returns whether it did. */
    public static boolean releaseHeld(StateStore store, NodeSubnet subnet, IpAddress address, String owner) {
        boolean[] freed = new boolean[1];
        store.update(key(subnet), bytes -> {
            if (bytes == null) {
                return null;
            }
            AllocationDoc doc = AllocationDoc.read(bytes, subnet);
            freed[0] = doc.get(address).map(a -> a.owner().equals(owner)).orElse(false) && doc.remove(address);
            return freed[0] ? doc.write() : bytes;
        });
        return freed[0];
    }

    /**
     * Puts {@code allocation} back into its subnet's document if its address is free, reading only
     * the store: the undo of a release. Returns false when someone else took the address meanwhile.
     */
    public static boolean restore(StateStore store, Allocation allocation) {
        NodeSubnet subnet = NodeSubnet.of(allocation.node(), allocation.subnet().toString());
        boolean[] restored = new boolean[1];
        store.update(key(subnet), bytes -> {
            AllocationDoc doc = AllocationDoc.read(bytes, subnet);
            Optional<Allocation> now = doc.get(allocation.address());
            restored[0] = now.isEmpty() || now.get().owner().equals(allocation.owner());
            if (now.isEmpty()) {
                doc.put(allocation, null);
                return doc.write();
            }
            return bytes;
        });
        return restored[0];
    }

    /** Frees every address {@code owner} holds on {@code node}; returns them. */
    public List<IpAddress> releaseOwner(String node, String owner) {
        List<IpAddress> released = new ArrayList<>();
        for (NodeSubnet s : config.subnetsOf(node)) {
            store.update(key(s), bytes -> {
                AllocationDoc doc = AllocationDoc.read(bytes, s);
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
            out.addAll(AllocationDoc.read(store.get(key(s)).map(Versioned::value).orElse(null), s).all());
        }
        return out;
    }

    /** The allocation of {@code address}, if any. */
    public Optional<Allocation> find(String node, IpAddress address) {
        return config.subnetFor(node, address)
                .flatMap(s -> AllocationDoc.read(store.get(key(s)).map(Versioned::value).orElse(null), s).get(address));
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

    /** The family an allocation without one takes: IPv4 where the node has an IPv4 subnet, else its only one. */
    public IpFamily defaultFamily(String node) {
        List<NodeSubnet> s = subnets(node);
        return s.stream().anyMatch(x -> x.family() == IpFamily.IPV4) ? IpFamily.IPV4 : s.get(0).family();
    }

    private NodeSubnet subnet(String node, IpFamily family) {
        return subnets(node).stream().filter(s -> s.family() == family).findFirst()
                .orElseThrow(() -> new NotFoundException("node " + node, "has no " + family + " subnet"));
    }

    /** Adds a violation on {@code owner} unless it is 1-200 printable characters. */
    public static void checkOwner(Violations v, String owner) {
        v.check(owner != null && !owner.isBlank() && owner.length() <= 200 && owner.chars().noneMatch(Character::isISOControl),
                "owner", "must be 1-200 printable characters");
    }

    /** An allocation in {@code subnet}; {@code pool} null for an explicit assignment outside the pools. */
    static Allocation allocation(NodeSubnet subnet, Pool pool, IpAddress ip, String owner, Instant at) {
        Allocation.Builder b = Allocation.builder().node(subnet.node()).address(ip).subnet(subnet.cidr()).owner(owner).at(at);
        subnet.gateway().ifPresent(b::gateway);
        if (pool != null) {
            b.pool(pool);
        }
        return b.build();
    }

    /** The store key of the allocation document of {@code s}. */
    public static String key(NodeSubnet s) {
        return PREFIX + s.node() + "/" + s.cidr().toString().replace('/', '_');
    }
}
