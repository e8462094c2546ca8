package dev.camelneptune.stream.client;

import dev.camelneptune.stream.NeptuneStreamConfiguration;
import org.apache.camel.component.aws.common.AwsClientBuilderUtil;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;

/** Builds the NeptunedataClient an endpoint uses when none is configured or autowired. */
public final class NeptuneDataClientFactory {

    private NeptuneDataClientFactory() {
    }

    /** A client for the cluster in the endpoint path, unless {@code overrideEndpoint} sends it elsewhere. */
    public static NeptunedataClient create(NeptuneStreamConfiguration configuration) {
        return AwsClientBuilderUtil.buildClient(configuration, NeptunedataClient::builder, builder -> {
            if (!configuration.isOverrideEndpoint()) {
                builder.endpointOverride(configuration.clusterUri());
            }
        });
    }
}
