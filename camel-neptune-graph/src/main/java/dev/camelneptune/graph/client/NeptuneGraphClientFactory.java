package dev.camelneptune.graph.client;

import org.apache.camel.component.aws.common.AwsClientBuilderUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.neptunegraph.NeptuneGraphClient;

import dev.camelneptune.graph.NeptuneGraphConfiguration;

/** Builds a NeptuneGraph client from the endpoint's credentials, region, endpoint and proxy options. */
public final class NeptuneGraphClientFactory {

    private static final Logger LOG = LoggerFactory.getLogger(NeptuneGraphClientFactory.class);

    private NeptuneGraphClientFactory() {
    }

    public static NeptuneGraphClient getNeptuneGraphClient(NeptuneGraphConfiguration configuration) {
        if (configuration.isTrustAllCertificates()) {
            LOG.warn("trustAllCertificates=true: the TLS certificate of the NeptuneGraph endpoint {} is not checked, so"
                     + " anyone in the network path can read and change the requests. Use it only for testing.",
                    configuration.isOverrideEndpoint() ? configuration.getUriEndpointOverride() : configuration.getRegion());
        }
        return AwsClientBuilderUtil.buildClient(configuration, NeptuneGraphClient::builder);
    }
}
