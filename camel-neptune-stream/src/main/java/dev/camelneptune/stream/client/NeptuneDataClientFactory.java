package dev.camelneptune.stream.client;

import dev.camelneptune.common.NeptuneAwsClients;
import dev.camelneptune.stream.NeptuneStreamConfiguration;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;

/** Builds the NeptunedataClient an endpoint uses when none is configured or autowired. */
public final class NeptuneDataClientFactory {

    private NeptuneDataClientFactory() {
    }

    /** A client for the cluster in the endpoint path, unless {@code overrideEndpoint} sends it elsewhere. */
    public static NeptunedataClient getNeptuneDataClient(NeptuneStreamConfiguration configuration) {
        return NeptuneAwsClients.build("neptune-stream", configuration.clusterUri(), configuration,
                NeptunedataClient::builder, builder -> {
                    if (!configuration.isOverrideEndpoint()) {
                        builder.endpointOverride(configuration.clusterUri());
                    }
                    if (configuration.isUseAnonymousCredentials()) {
                        // the SDK signs nothing with anonymous credentials
                        builder.credentialsProvider(AnonymousCredentialsProvider.create());
                    }
                });
    }
}
