package dev.camelneptune.common;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.camel.component.aws.common.AwsClientBuilderUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;

/** The one call both components' client factories make to build an SDK client from their options. */
public final class NeptuneAwsClients {

    private static final Logger LOG = LoggerFactory.getLogger(NeptuneAwsClients.class);

    private NeptuneAwsClients() {
    }

    /**
     * A client built by Camel's {@link AwsClientBuilderUtil} from the credentials, region, endpoint override, proxy and
     * TLS options, then {@code serviceSpecific}. With {@code trustAllCertificates=true} it logs a WARN first, naming
     * the component and where the requests go.
     *
     * @param component       the component scheme, for the WARN
     * @param target          where requests go when the endpoint is not overridden, for the WARN
     * @param configuration   the endpoint's options
     * @param builder         the service's client builder, e.g. {@code NeptunedataClient::builder}
     * @param serviceSpecific what the component sets on top, or null
     */
    public static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C extends SdkClient> C build(
            String component, Object target, NeptuneAwsConfiguration configuration, Supplier<B> builder,
            Consumer<B> serviceSpecific) {
        if (configuration.isTrustAllCertificates()) {
            LOG.warn("trustAllCertificates=true: the TLS certificate of the {} endpoint {} is not checked, so anyone in"
                     + " the network path can read and change what it sends and receives. Use it only for testing.",
                    component, configuration.isOverrideEndpoint() ? configuration.getUriEndpointOverride() : target);
        }
        return AwsClientBuilderUtil.buildClient(configuration, builder, serviceSpecific);
    }
}
