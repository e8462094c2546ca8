package dev.camelneptune.graph.client;

import dev.camelneptune.common.NeptuneAwsClients;
import dev.camelneptune.graph.NeptuneGraphConfiguration;
import software.amazon.awssdk.services.neptunegraph.NeptuneGraphClient;

/** Builds a NeptuneGraph client from the endpoint's credentials, region, endpoint and proxy options. */
public final class NeptuneGraphClientFactory {

    private NeptuneGraphClientFactory() {
    }

    public static NeptuneGraphClient getNeptuneGraphClient(NeptuneGraphConfiguration configuration) {
        return NeptuneAwsClients.build("neptune-graph", configuration.getRegion(), configuration,
                NeptuneGraphClient::builder, null);
    }
}
