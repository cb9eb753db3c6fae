package dev.ops.bench.pve;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.core.json.internal.Json;
import dev.ops.pve.cluster.ClusterResource;
import dev.ops.proxmox.internal.ProxmoxJson;
import dev.ops.proxmox.internal.Transport;
import dev.ops.testkit.pve.PveApiToken;
import dev.ops.testkit.pve.PveFakeServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The client-side cost of reading the benchmark cluster's {@code /cluster/resources} answer (206
 * entries, about 52 KiB, as the fake serves it): into ops-pve's typed models, into a Jackson tree
 * (what the client did before), and Jackson's bare tokenizing (a floor for any Jackson reader).
 *
 * <pre>{@code java -cp "ops-bench/target/classes:$(cat ops-bench/target/classpath.txt)" org.openjdk.jmh.Main ListParseBenchmark}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ListParseBenchmark {
    private byte[] body;
    private Transport.BodyReader<List<ClusterResource>> typed;

    /** Fetches the answer once from the benchmark's fake cluster. */
    @Setup
    public void fetch() throws Exception {
        try (PveFakeServer server = BenchCluster.builder().start()) {
            PveApiToken token = server.token();
            HttpClient http = HttpClient.newBuilder().sslContext(server.clientSslContext()).build();
            body = http.send(HttpRequest.newBuilder(URI.create(server.apiUri() + "/cluster/resources"))
                    .header("Authorization", token.authorizationHeader()).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        }
        typed = ProxmoxJson.data(ProxmoxJson.listOf(ClusterResource.class));
    }

    /** Into ops-pve's typed models, as {@code client.cluster().resources()} reads it. */
    @Benchmark
    public List<ClusterResource> typedModels() throws IOException {
        return typed.read(new ByteArrayInputStream(body));
    }

    /** Into a Jackson tree. */
    @Benchmark
    public JsonNode jacksonTree() throws IOException {
        return Json.mapper().readTree(body);
    }

    /** Jackson's tokenizer alone, reading every value but building nothing. */
    @Benchmark
    public long jacksonTokens() throws IOException {
        long seen = 0;
        try (JsonParser p = Json.mapper().createParser(body)) {
            for (var t = p.nextToken(); t != null; t = p.nextToken()) {
                seen += switch (t) {
                    case VALUE_STRING -> p.getText().length();
                    case VALUE_NUMBER_INT -> p.getLongValue();
                    case VALUE_NUMBER_FLOAT -> (long) p.getDoubleValue();
                    default -> 1;
                };
            }
        }
        return seen;
    }
}
