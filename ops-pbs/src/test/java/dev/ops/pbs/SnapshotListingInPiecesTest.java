package dev.ops.pbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import dev.ops.proxmox.internal.ProxmoxJson;
import dev.ops.proxmox.internal.SplitListReader;
import dev.ops.proxmox.internal.Transport;
import dev.ops.testkit.pbs.PbsFakeServer;
import dev.ops.core.testing.ArrivingStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A snapshot listing read in pieces on more than one thread gives what reading it whole gives: the same
 * snapshots in the same order, or the same error; and through the client, a large listing keeps every
 * snapshot, sorts as a small one does and refuses an unknown backup type as a small one does.
 */
class SnapshotListingInPiecesTest {
    private static final Transport.BodyReader<List<Snapshot>> WHOLE = ProxmoxJson.dataInOnePiece(ProxmoxJson.listOf(Snapshot.class));

    /** What a reader gave: each snapshot described in full, or the error's class and message. */
    private record Outcome(List<String> snapshots, String error) {}

    private static String describe(Snapshot s) {
        return s.unknownType != null ? "unknown type '" + s.unknownType + "'"
                : s.ref() + " size=" + s.size() + " protected=" + s.isProtected() + " comment=" + s.comment() + " verification="
                        + s.verification() + " fingerprint=" + s.fingerprint() + " owner=" + s.owner() + " files=" + s.files();
    }

    private static Outcome outcome(Transport.BodyReader<List<Snapshot>> reader, InputStream in) {
        try {
            return new Outcome(reader.read(in).stream().map(SnapshotListingInPiecesTest::describe).toList(), null);
        } catch (IOException | RuntimeException e) {
            return new Outcome(null, e.getClass().getName() + ": " + e.getMessage());
        }
    }

    private static SplitListReader<Snapshot> inPieces(int pieceBytes, AtomicInteger pieces) {
        return new SplitListReader<>(ProxmoxJson.factory(), WHOLE, "backup-type", () -> {
            pieces.incrementAndGet();
            return new SnapshotReader()::read;
        }, pieceBytes);
    }

    private static InputStream arriving(byte[] bytes, int step, int failAt) {
        return new ArrivingStream(bytes, step, failAt);
    }

    @Property(tries = 500)
    void aListingReadInPiecesIsTheListingReadWhole(@ForAll("listings") String text, @ForAll @IntRange(min = 1, max = 600) int pieceBytes,
            @ForAll @IntRange(min = 1, max = 9000) int step, @ForAll @IntRange(min = -20_000, max = 8000) int failAt) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        int fail = failAt < 0 ? -1 : Math.min(failAt, body.length);
        AtomicInteger pieces = new AtomicInteger();

        Outcome whole = outcome(WHOLE, arriving(body, step, fail));
        Outcome split = outcome(inPieces(pieceBytes, pieces), arriving(body, step, fail));

        Statistics.label("outcome").collect(whole.error() == null ? "list" : "error");
        Statistics.label("pieces").collect(pieces.get() <= 1 ? "one" : "several");
        assertThat(split).isEqualTo(whole);
    }

    @Provide
    Arbitrary<String> listings() {
        Arbitrary<String> type = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(20, Arbitraries.of("\"vm\"", "\"ct\"", "\"host\"")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("\"qemu\"", "1", "null", "\"\"")));
        Arbitrary<String> id = Arbitraries.of("\"100\"", "\"101\"", "\"web-1\"", "\"a\\\"},{\\\"backup-type\\\":\\\"vm\"", "\"ü😀\"", "\"a/b\"", "7");
        Arbitrary<String> time = Arbitraries.oneOf(Arbitraries.longs().between(0, 4_000_000_000L).map(String::valueOf),
                Arbitraries.of("\"1767225600\"", "\"x\"", "null", "100000000000000000000000", "1.5e9", "{\"a\":1}"));
        Arbitrary<String> bool = Arbitraries.of("true", "false", "0", "1", "\"1\"", "null");
        Arbitrary<String> text = Arbitraries.of("\"root@pam\"", "null", "\"},{\\\"backup-type\\\":\\\"ct\\\"}\"", "\"\"", "3", "[\"x\"]");
        Arbitrary<String> file = Arbitraries.of("{\"filename\":\"index.json.blob\",\"crypt-mode\":\"none\"}",
                "{\"filename\":\"drive-scsi0.img.fidx\",\"crypt-mode\":\"none\",\"size\":123}", "\"client.log.blob\"", "null",
                "{\"crypt-mode\":\"none\",\"filename\":\"x.fidx\"}", "{\"backup-type\":\"vm\"}");
        Arbitrary<String> files = Arbitraries.oneOf(file.list().ofMaxSize(3).map(fs -> "[" + String.join(",", fs) + "]"), Arbitraries.of("null", "{}"));
        Arbitrary<String> size = Arbitraries.of("123456", "null", "\"12\"", "-1", "1.5");
        Arbitrary<String> verification = Arbitraries.of("{\"state\":\"ok\",\"upid\":\"UPID:pbs:1\"}", "{\"state\":\"failed\"}",
                "{\"state\":null}", "\"ok\"", "[{\"backup-type\":\"vm\"},{\"backup-type\":\"ct\"}]");
        Arbitrary<List<String>> optional = Combinators.combine(text, files, size, verification, text)
                .as((comment, fs, sz, v, fp) -> List.of("\"comment\":" + comment, "\"files\":" + fs, "\"size\":" + sz,
                        "\"verification\":" + v, "\"fingerprint\":" + fp, "\"extra\":{\"backup-type\":\"vm\"}"));
        Arbitrary<String> entry = Combinators.combine(type, id, time, bool, text, optional, Arbitraries.integers().between(0, 63),
                Arbitraries.integers().between(0, 19)).as((t, i, tm, b, o, opt, present, shuffle) -> {
                    List<String> fields = new ArrayList<>(List.of("\"backup-type\":" + t, "\"backup-id\":" + i, "\"backup-time\":" + tm,
                            "\"protected\":" + b, "\"owner\":" + o));
                    for (int k = 0; k < opt.size(); k++) {
                        if ((present & (1 << k)) != 0) {
                            fields.add(opt.get(k));
                        }
                    }
                    if (shuffle == 0) {
                        java.util.Collections.rotate(fields, 2); // another first field: no cut before this entry
                    } else if (shuffle == 1) {
                        fields.add(fields.get(1)); // a field twice
                    }
                    return "{" + String.join(",", fields) + "}";
                });
        Arbitrary<String> odd = Arbitraries.of("null", "\"vm/100\"", "[]", "{}");
        Arbitrary<List<String>> entries = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(30, entry), net.jqwik.api.Tuple.of(1, odd))
                .list().ofMaxSize(40);
        Arbitrary<String> after = Arbitraries.of("", "", "", ",\"total\":3", ",\"data\":null", ",\"data\":[]");
        Arbitrary<String> listing = Combinators.combine(entries, after).as((es, a) -> "{\"data\":[" + String.join(",", es) + "]" + a + "}");
        return Combinators.combine(listing, Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 1_000_000),
                Arbitraries.of(",", "]", "}", "{", "\"", "\\", " ", "x", "0", "\u00e9")).as(SnapshotListingInPiecesTest::damaged);
    }

    /** The listing as it is (most often), cut short, with a character left out, or with one more inserted. */
    private static String damaged(String listing, int how, int where, String inserted) {
        int at = where % listing.length();
        while (at > 0 && Character.isLowSurrogate(listing.charAt(at))) {
            at--;
        }
        return switch (how) {
            case 4 -> listing.substring(0, at);
            case 5 -> listing.substring(0, at) + listing.substring(listing.offsetByCodePoints(at, 1));
            case 6 -> listing.substring(0, at) + inserted + listing.substring(at);
            default -> listing;
        };
    }

    @Test
    void aPbsListingIsCutBeforeEveryEntryOnlyAndReadAsAWhole() throws IOException {
        StringBuilder sb = new StringBuilder("{\"data\":[");
        for (int i = 0; i < 2_000; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"backup-type\":\"vm\",\"backup-id\":\"").append(100 + i / 20).append("\",\"backup-time\":")
                    .append(1_767_225_600L + i).append(",\"protected\":false,\"owner\":\"root@pam\",\"comment\":\"a},{\\\"backup-type\\\":\\\"ct\\\"\",")
                    .append("\"files\":[{\"filename\":\"index.json.blob\",\"crypt-mode\":\"none\"}],\"size\":").append(i).append('}');
        }
        byte[] body = sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        AtomicInteger pieces = new AtomicInteger();

        List<Snapshot> read = inPieces(4096, pieces).read(arriving(body, 8192, -1));

        assertThat(pieces.get()).isGreaterThan(50);
        assertThat(read).extracting(SnapshotListingInPiecesTest::describe)
                .isEqualTo(WHOLE.read(new ByteArrayInputStream(body)).stream().map(SnapshotListingInPiecesTest::describe).toList());
        assertThat(read.getLast().ref().path()).isEqualTo("vm/199/" + Instant.ofEpochSecond(1_767_225_600L + 1_999));
    }

    @Test
    @Timeout(120)
    void aLargeListingFromTheServerKeepsEverySnapshotSortedAndRefusesAnUnknownTypeAsASmallOneDoes() {
        try (PbsFakeServer pbs = PbsFakeServer.start(); PbsClient client = PbsFixture.client(pbs)) {
            var seed = pbs.datastore("store1");
            long base = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
            for (int g = 0; g < 150; g++) {
                for (int s = 0; s < 20; s++) {
                    seed.snapshot("", (g % 3 == 0 ? "ct/" : g % 3 == 1 ? "vm/" : "host/") + (1000 + g) + "/" + Instant.ofEpochSecond(base + s * 3600L + g));
                }
            }
            pbs.scrambleListings();

            List<Snapshot> listed = client.datastore("store1").snapshots(Namespace.root());

            assertThat(listed).hasSize(3_000);
            assertThat(listed.getFirst().ref().path()).isEqualTo("ct/1000/" + Instant.ofEpochSecond(base + 19 * 3600L));
            assertThat(listed.getLast().ref().path()).isEqualTo("vm/1148/" + Instant.ofEpochSecond(base + 148));
            for (int i = 1; i < listed.size(); i++) {
                Snapshot a = listed.get(i - 1);
                Snapshot b = listed.get(i);
                assertThat(a.type().wire() + "/" + a.id()).isLessThanOrEqualTo(b.type().wire() + "/" + b.id());
                if (a.type() == b.type() && a.id().equals(b.id())) {
                    assertThat(a.time()).isAfter(b.time());
                }
            }

            seed.snapshot("", "qemu/100/2026-01-01T00:00:00Z");
            assertThatThrownBy(() -> client.datastore("store1").snapshots(Namespace.root())).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("backup-type").hasMessageContaining("'qemu'");
        }
    }
}
