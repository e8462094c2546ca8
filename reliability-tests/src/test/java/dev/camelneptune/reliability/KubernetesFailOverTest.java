package dev.camelneptune.reliability;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.camelneptune.local.NeptuneLocal;
import dev.camelneptune.testpostgres.LocalPostgres;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several pods on Kubernetes leases, offline: three consumer JVMs ({@link KubernetesNodeProcess}) run the configuration
 * of examples/kubernetes (camel-kubernetes' {@code KubernetesClusterService} on a {@code coordination.k8s.io} Lease,
 * {@code master:}, the position in PostgreSQL through {@code JdbcStateRepository} and HikariCP) against fabric8's
 * Kubernetes API server mock in CRUD mode, in this JVM, and a PostgreSQL this test starts.
 * <p>
 * The test plays the kubelet and the Deployment: it creates each pod's Pod resource (Running, Ready) before starting
 * its JVM; when it SIGKILLs the leader it deletes the leader's Pod and starts a replacement pod with a new name; when
 * it pauses a JVM (SIGSTOP) it marks the Pod not Ready (a frozen JVM fails its readiness probe), and Ready again once
 * the JVM is resumed. camel-kubernetes 4.18 judges a leader by its Pod (running and ready), not by the Lease's renew
 * time: the followers take the Lease once the leader's Pod is gone or not ready.
 * <p>
 * The leader is SIGKILLed 3 times: the union of the output is the whole log, no gap, at most the record in flight
 * repeated per fail-over. Then a leader is paused past {@code renewDeadlineMillis}, a follower takes over, and the
 * paused one is resumed: it must stop consuming. It does: its write of the record in hand is refused (the new leader
 * claimed the key), and camel-kubernetes also stops its consumer once it sees that its renew deadline passed; the test
 * asserts the outcome (at most the record in flight plus one page after the resume, none of its writes accepted) and
 * prints which of the two came first.
 */
class KubernetesFailOverTest {

    private static final int RECORDS = 6_000;
    private static final int KILLS = 3;
    private static final String NAMESPACE = "neptune";
    /** The label of the example's pods (cluster.label in its application.properties, k8s/deployment.yaml). */
    private static final Map<String, String> LABELS = Map.of("app", "neptune-positions");
    /** Short leases, so that the test is short: the example's are 15 s, 10 s and 2 s. */
    private static final long LEASE_DURATION_MS = 3_000;
    private static final long RENEW_DEADLINE_MS = 2_000;
    private static final long RETRY_PERIOD_MS = 400;
    private static final int EXAMPLE_LIMIT = 1_000;
    private static final String DEPOSED = "was deposed";
    private static final String LEADERSHIP_LOST = "Leadership lost. Consumer stopped";
    /** The mock logs every request at INFO (java.util.logging, which keeps loggers weakly: held here). */
    private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    private final NeptuneLocal neptune = NeptuneLocal.start();
    private KubernetesMockServer kubernetes;
    private KubernetesClient client;
    private LocalPostgres postgres;
    private PositionWatch watch;
    private NodeCluster cluster;
    private final Map<Long, String> podOf = new LinkedHashMap<>();
    private int pods;

    @TempDir
    Path dir;

    @AfterEach
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (watch != null) {
            watch.stop();
        }
        if (client != null) {
            client.close();
        }
        if (kubernetes != null) {
            kubernetes.destroy();
        }
        if (postgres != null) {
            postgres.close();
        }
        neptune.close();
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void theLeaderPodIsKilledThreeTimesThenAPausedLeaderResumedAfterItsRenewDeadlineStopsConsuming() throws Exception {
        postgres = LocalPostgres.startOrSkip();
        MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
        kubernetes = new KubernetesMockServer(
                new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        kubernetes.init(InetAddress.getByName("127.0.0.1"), 0);
        client = kubernetes.createClient();
        neptune.stream().propertyGraph().preload(RECORDS);
        List<String> log = StreamLog.read(neptune.endpoint());
        cluster = new NodeCluster(dir, "kubernetes");
        long started = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            startPod();
        }
        watch = new PositionWatch(postgres.dataSource(), "orders");
        watch.start();
        StreamKillTest.OutputTail tail = cluster.tail;
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20)).until(() -> tail.records() > 0);

        List<Long> failOverMillis = new ArrayList<>();
        for (int kill = 1; kill <= KILLS; kill++) {
            long target = tail.records() + 800;
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).until(() -> tail.records() >= target);
            long leader = cluster.lastWriter();
            long killedAt = System.nanoTime();
            cluster.kill(leader);
            // the pod is gone (its container was killed); the Deployment replaces it with a new one
            client.pods().inNamespace(NAMESPACE).withName(podOf.get(leader)).delete();
            long recordsAtKill = tail.records();
            startPod();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                    .until(() -> tail.records() > recordsAtKill && cluster.lastWriter() != leader);
            failOverMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt));
        }
        int linesBeforePause = (int) tail.records();

        // a leader frozen past its renew deadline: its pod turns not ready, a follower takes the Lease and goes on
        long paused = cluster.lastWriter();
        // held between two records first, so that the writes counted before the pause are all it made
        cluster.hold(paused);
        NodeCluster.Report before = cluster.report(paused);
        long pausedAt = System.nanoTime();
        NodeCluster.signal(paused, "STOP");
        long recordsBeforeResume = cluster.recordsOf(paused);
        setReady(paused, false);
        long recordsAtPause = tail.records();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> tail.records() >= recordsAtPause + 300 && cluster.lastWriter() != paused);
        long newLeader = cluster.lastWriter();
        long pausedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - pausedAt);
        assertThat(pausedMillis).as("paused past renewDeadlineMillis").isGreaterThan(RENEW_DEADLINE_MS);
        NodeCluster.signal(paused, "CONT");
        setReady(paused, true);
        cluster.release(paused);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> cluster.count(paused, DEPOSED) + cluster.count(paused, LEADERSHIP_LOST) > 0);
        long newLeaderStops = cluster.count(newLeader, DEPOSED) + cluster.count(newLeader, LEADERSHIP_LOST);

        // the same pause while the pod stays ready (a pause shorter than the readiness probe's failure threshold):
        // nobody takes the Lease, and on resume the leader's own notifier stops its consumer and starts it again
        long alone = cluster.lastWriter();
        long claimsBefore = cluster.count(alone, "claimed by");
        NodeCluster.signal(alone, "STOP");
        long recordsAtSecondPause = tail.records();
        long secondPauseAt = System.nanoTime();
        await().during(Duration.ofMillis(2 * RENEW_DEADLINE_MS + LEASE_DURATION_MS)).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50)).until(() -> tail.records() == recordsAtSecondPause);
        long secondPauseMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - secondPauseAt);
        NodeCluster.signal(alone, "CONT");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> cluster.count(alone, "claimed by") > claimsBefore && tail.records() > recordsAtSecondPause);
        String aloneAfterResume = cluster.count(alone, LEADERSHIP_LOST) > 0
                ? "its consumer stopped (renew deadline passed) and started again, claiming the key again"
                : "its consumer claimed the key again";

        String last = log.get(RECORDS - 1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> tail.lastLine() != null && tail.lastLine().endsWith(" " + last));
        await().atMost(Duration.ofSeconds(10)).until(() -> last.equals(watch.latest()));
        watch.stop();
        NodeCluster.Report after = cluster.report(paused);
        long recordsAfterResume = cluster.recordsOf(paused) - recordsBeforeResume;
        List<String> lines = cluster.outputLines();
        StreamKillTest.Result killed = StreamKillTest.check(log, NodeCluster.byLeader(lines.subList(0, linesBeforePause)));
        StreamKillTest.Result result = StreamKillTest.check(log, NodeCluster.byLeader(lines));
        String stoppedBy = stoppedBy(paused);
        System.out.println(
                String.format("fail-over test (Kubernetes Lease): %d records, %d leader SIGKILLs: %d leader changes, duplicates"
                              + " per fail-over %s, kill to first record of the new leader %s ms; then a leader paused %d ms"
                              + " (renew deadline %d ms) and resumed: %d of its records after the resume, %d of its writes"
                              + " accepted after it, %d fenced; %s; health then: %s; then the new leader paused %d ms with its"
                              + " pod ready: nobody took over, and on resume %s; %d duplicates in all, %d stored positions"
                              + " sampled, none backwards; %d ms",
                        RECORDS, KILLS, killed.runs() - 1, killed.duplicatesPerRun().subList(1, killed.runs()), failOverMillis,
                        pausedMillis, RENEW_DEADLINE_MS, recordsAfterResume, after.writes() - before.writes(), after.fenced(),
                        stoppedBy, after.health(), secondPauseMillis, aloneAfterResume, result.duplicates(), watch.samples(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));

        assertThat(result.delivered()).as("distinct records delivered: the whole log").isEqualTo(RECORDS);
        assertThat(watch.regressions()).as("the stored position moved backwards").isEmpty();
        assertThat(killed.runs()).as("one leader at the start, one more per kill").isEqualTo(KILLS + 1);
        assertThat(killed.duplicatesPerRun()).as("each fail-over repeats at most the record in flight")
                .allSatisfy(d -> assertThat(d).isBetween(0, 1));
        // the paused leader stopped consuming
        assertThat(recordsAfterResume).as("its records after the resume: in flight + one page")
                .isBetween(0L, 1L + EXAMPLE_LIMIT);
        assertThat(after.writes()).as("its writes accepted after the resume").isEqualTo(before.writes());
        assertThat(cluster.lines(paused).stream().filter(line -> line.contains(" ERROR ") && line.contains(DEPOSED)))
                .as("at most one ERROR").hasSizeLessThanOrEqualTo(1);
        assertThat(newLeaderStops).as("the new leader is not stopped by the paused one's resume").isZero();
        assertThat(alone).as("the new leader led alone until its own pause").isEqualTo(newLeader);
        assertThat(cluster.lastWriter()).as("the new leader read the log to its end").isEqualTo(newLeader);
    }

    /** Which stopped the paused leader's consumer first: fencing (its write refused) or camel-kubernetes. */
    private String stoppedBy(long paused) throws IOException {
        List<String> lines = cluster.lines(paused);
        int deposed = indexOf(lines, DEPOSED);
        int lost = indexOf(lines, LEADERSHIP_LOST);
        if (deposed >= 0 && (lost < 0 || deposed < lost)) {
            return "its write was refused (deposed) before " + (lost < 0
                    ? "camel-kubernetes stopped anything"
                    : "camel-kubernetes stopped its consumer");
        }
        return "camel-kubernetes stopped its consumer (renew deadline passed)"
               + (deposed >= 0 ? ", and its write was refused (deposed)" : " before it wrote");
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    /** Creates the next pod's Pod resource (Running, Ready, the example's label) and starts its JVM. */
    private long startPod() throws IOException {
        String name = "neptune-positions-" + (++pods);
        client.pods().inNamespace(NAMESPACE).resource(new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(NAMESPACE).withLabels(LABELS).endMetadata()
                .withNewStatus().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .endStatus().build()).create();
        Map<String, String> environment = new LinkedHashMap<>();
        // what k8s/deployment.yaml gives a pod
        environment.put("POD_NAME", name);
        environment.put("POD_NAMESPACE", NAMESPACE);
        environment.put("POSITIONS_JDBC_URL", postgres.jdbcUrl());
        environment.put("POSITIONS_DB_USER", LocalPostgres.USER);
        environment.put("POSITIONS_DB_PASSWORD", "unused (trusted on loopback)");
        environment.put("NEPTUNE_ENDPOINT", neptune.endpoint().toString());
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        // in a pod the client finds the API server by itself; here it is the mock
        environment.put("KUBERNETES_MASTER", kubernetes.url("/"));
        environment.put("KUBERNETES_AUTH_TRYKUBECONFIG", "false");
        environment.put("KUBERNETES_AUTH_TRYSERVICEACCOUNT", "false");
        environment.put("KUBERNETES_NAMESPACE", NAMESPACE);
        long pid = cluster.start(name, NodeCluster.java(KubernetesNodeProcess.class.getName(), cluster.output.toString(),
                Long.toString(LEASE_DURATION_MS), Long.toString(RENEW_DEADLINE_MS), Long.toString(RETRY_PERIOD_MS)),
                environment);
        podOf.put(pid, name);
        return pid;
    }

    /** What the kubelet does when a pod's readiness probe fails (a frozen JVM) or passes again. */
    private void setReady(long pid, boolean ready) {
        client.pods().inNamespace(NAMESPACE).withName(podOf.get(pid)).edit(pod -> new PodBuilder(pod).editStatus()
                .editFirstCondition().withStatus(ready ? "True" : "False").endCondition().endStatus().build());
    }
}
