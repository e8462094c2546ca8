package dev.camelneptune.stream.state;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BackgroundFlusherTest {

    /**
     * An interrupted write can close the file channel (or an embedded database's file) under it: stopping lets the
     * flush in progress end instead.
     */
    @Test
    void stopWaitsForTheFlushInProgressAndNeverInterruptsIt() throws Exception {
        CountDownLatch flushing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean finished = new AtomicBoolean();
        BackgroundFlusher flusher = BackgroundFlusher.startIfPositive(null, this, "test flusher", 10, () -> {
            flushing.countDown();
            try {
                release.await();
                finished.set(true);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        assertThat(flushing.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stop = CompletableFuture.runAsync(() -> {
            try {
                flusher.stop();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        await().during(java.time.Duration.ofMillis(200)).until(() -> !stop.isDone());
        release.countDown();
        stop.get(10, TimeUnit.SECONDS);
        assertThat(interrupted).isFalse();
        assertThat(finished).isTrue();
    }

    @Test
    void withACamelContextTheThreadComesFromItsExecutorServiceManager() throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.start();
        try {
            AtomicReference<String> thread = new AtomicReference<>();
            BackgroundFlusher flusher = BackgroundFlusher.startIfPositive(context, this, "JdbcStateRepository positions", 10,
                    () -> thread.compareAndSet(null, Thread.currentThread().getName()));
            await().until(() -> thread.get() != null);
            flusher.stop();

            assertThat(thread.get()).matches("Camel \\(.+\\) thread #\\d+ - JdbcStateRepository positions");
        } finally {
            context.stop();
        }
    }
}
