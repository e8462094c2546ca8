package dev.camelneptune.stream.client;

import dev.camelneptune.stream.NeptuneStreamConfiguration;
import org.apache.camel.component.aws.common.AwsClientBuilderUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;

/** Builds the NeptunedataClient an endpoint uses when none is configured or autowired. */
public final class NeptuneDataClientFactory {

    private static final Logger LOG = LoggerFactory.getLogger(NeptuneDataClientFactory.class);

    private NeptuneDataClientFactory() {
    }

    /** A client for the cluster in the endpoint path, unless {@code overrideEndpoint} sends it elsewhere. */
    public static NeptunedataClient create(NeptuneStreamConfiguration configuration) {
        if (configuration.isTrustAllCertificates()) {
            LOG.warn("trustAllCertificates=true: the TLS certificate of the Neptune endpoint {} is not checked, so anyone"
                     + " in the network path can read and change the stream. Use it only for testing.",
                    configuration.isOverrideEndpoint() ? configuration.getUriEndpointOverride() : configuration.getEndpoint());
        }
        return AwsClientBuilderUtil.buildClient(configuration, NeptunedataClient::builder, builder -> {
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
