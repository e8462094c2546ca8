package dev.camelneptune.graph;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.neptunegraph.NeptuneGraphClient;
import software.amazon.awssdk.services.neptunegraph.model.ListImportTasksRequest;

/**
 * UP when the endpoint's client can list one import task (the cheapest call this component makes), DOWN with the
 * service's status and error code otherwise, as Camel's AWS producers check their service.
 */
public class NeptuneGraphProducerHealthCheck extends AbstractHealthCheck {

    private final NeptuneGraphEndpoint endpoint;

    public NeptuneGraphProducerHealthCheck(NeptuneGraphEndpoint endpoint, String clientId) {
        super("camel", "producer:neptune-graph-" + clientId);
        this.endpoint = endpoint;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        NeptuneGraphConfiguration configuration = endpoint.getConfiguration();
        if (!configuration.isOverrideEndpoint() && configuration.getRegion() != null
                && !NeptuneGraphClient.serviceMetadata().regions().contains(Region.of(configuration.getRegion()))) {
            builder.message("Neptune Analytics is not available in the region " + configuration.getRegion());
            builder.down();
            return;
        }
        NeptuneGraphClient client = endpoint.getClient();
        if (client == null) {
            builder.message("The endpoint is not started");
            builder.down();
            return;
        }
        try {
            client.listImportTasks(ListImportTasksRequest.builder().maxResults(1).build());
        } catch (AwsServiceException e) {
            builder.message(e.getMessage());
            builder.error(e);
            builder.detail(SERVICE_STATUS_CODE, e.statusCode());
            if (e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null) {
                builder.detail(SERVICE_ERROR_CODE, e.awsErrorDetails().errorCode());
            }
            builder.down();
            return;
        } catch (Exception e) {
            builder.message(e.getMessage());
            builder.error(e);
            builder.down();
            return;
        }
        builder.up();
    }
}
