package dev.camelneptune.graph;

import java.util.Map;

import dev.camelneptune.local.Fault;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.impl.health.ProducersHealthCheckRepository;
import org.junit.jupiter.api.Test;

import static dev.camelneptune.graph.NeptuneGraphConstants.TASK_IDENTIFIER;
import static org.assertj.core.api.Assertions.assertThat;

/** A started neptune-graph producer registers a health check that calls the service, as Camel's AWS producers do. */
class NeptuneGraphHealthCheckTest extends NeptuneGraphTestSupport {

    @Test
    void theProducerCheckIsUpWhenTheServiceAnswersAndDownWithItsErrorWhenNot() {
        HealthCheck check = producerCheck();

        HealthCheck.Result up = check.call();
        neptune.faults().next(1, Fault.error(403, "AccessDeniedException"));
        HealthCheck.Result denied = check.call();
        neptune.stop();
        HealthCheck.Result unreachable = check.call();

        assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(denied.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(denied.getDetails()).containsEntry(AbstractHealthCheck.SERVICE_STATUS_CODE, 403)
                .containsEntry(AbstractHealthCheck.SERVICE_ERROR_CODE, "AccessDeniedException");
        assertThat(unreachable.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(unreachable.getError()).isPresent();
    }

    @Test
    void healthCheckProducerEnabledFalseTurnsTheCheckOff() {
        context.getComponent("neptune-graph", NeptuneGraphComponent.class).setHealthCheckProducerEnabled(false);

        assertThat(producerCheck().isEnabled()).isFalse();
    }

    /** Starts a producer (one exchange), turns on Camel's producer checks (off by default) and finds the check. */
    private HealthCheck producerCheck() {
        String id = neptune.tasks().createImportTasks(1).get(0);
        send(uri("getImportTask"), Map.of(TASK_IDENTIFIER, id));
        ProducersHealthCheckRepository producers = (ProducersHealthCheckRepository) HealthCheckRegistry.get(context)
                .getRepository("producers").orElseThrow();
        producers.setEnabled(true);
        return producers.stream().filter(c -> c.getId().startsWith("producer:neptune-graph-")).findFirst().orElseThrow();
    }
}
