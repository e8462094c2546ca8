package dev.camelneptune.graph.client;

import org.apache.camel.component.aws.common.AwsClientBuilderUtil;
import software.amazon.awssdk.services.neptunegraph.NeptuneGraphClient;

import dev.camelneptune.graph.NeptuneGraphConfiguration;

/** Builds a NeptuneGraph client from the endpoint's credentials, region, endpoint and proxy options. */
public final class NeptuneGraphClientFactory {

    private NeptuneGraphClientFactory() {
    }

    public static NeptuneGraphClient getNeptuneGraphClient(NeptuneGraphConfiguration configuration) {
        return AwsClientBuilderUtil.buildClient(configuration, NeptuneGraphClient::builder);
    }
}
