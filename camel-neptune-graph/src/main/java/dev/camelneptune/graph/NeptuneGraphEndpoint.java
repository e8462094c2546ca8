package dev.camelneptune.graph;

import dev.camelneptune.graph.client.NeptuneGraphClientFactory;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;
import software.amazon.awssdk.services.neptunegraph.NeptuneGraphClient;

/**
 * Read, start, cancel and wait for Amazon Neptune Analytics (NeptuneGraph) import and export tasks.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "neptune-graph", title = "Neptune Graph",
             syntax = "neptune-graph:label", producerOnly = true, category = { Category.CLOUD, Category.DATABASE },
             headersClass = NeptuneGraphConstants.class)
public class NeptuneGraphEndpoint extends DefaultEndpoint implements EndpointServiceLocation {

    @UriParam
    private NeptuneGraphConfiguration configuration;

    private NeptuneGraphClient client;

    public NeptuneGraphEndpoint(String uri, NeptuneGraphComponent component, NeptuneGraphConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return new NeptuneGraphProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("You cannot receive messages from this endpoint");
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = configuration.getNeptuneGraphClient() != null
                ? configuration.getNeptuneGraphClient()
                : NeptuneGraphClientFactory.getNeptuneGraphClient(configuration);
    }

    /** Closes the client only if this endpoint built it: a client from the registry belongs to whoever made it. */
    @Override
    protected void doStop() throws Exception {
        if (configuration.getNeptuneGraphClient() == null && client != null) {
            client.close();
        }
        client = null;
        super.doStop();
    }

    @Override
    public NeptuneGraphComponent getComponent() {
        return (NeptuneGraphComponent) super.getComponent();
    }

    public NeptuneGraphConfiguration getConfiguration() {
        return configuration;
    }

    public NeptuneGraphClient getClient() {
        return client;
    }

    @Override
    public String getServiceUrl() {
        if (configuration.isOverrideEndpoint()) {
            return configuration.getUriEndpointOverride();
        }
        return configuration.getRegion();
    }

    @Override
    public String getServiceProtocol() {
        return "neptune-graph";
    }
}
