package dev.camelneptune.stream;

import dev.camelneptune.stream.client.NeptuneDataClientFactory;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;

/**
 * Consume the change log of an Amazon Neptune cluster (Neptune Streams): every change record, in order, at least once.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "neptune-stream", title = "Neptune Stream", syntax = "neptune-stream:endpoint",
             consumerOnly = true, category = { Category.CLOUD, Category.DATABASE },
             headersClass = NeptuneStreamConstants.class)
public class NeptuneStreamEndpoint extends ScheduledPollEndpoint {

    @UriParam
    private final NeptuneStreamConfiguration configuration;

    private NeptunedataClient client;

    public NeptuneStreamEndpoint(String uri, NeptuneStreamComponent component, NeptuneStreamConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("neptune-stream only consumes: it has no producer");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        NeptuneStreamConsumer consumer = new NeptuneStreamConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = configuration.getNeptuneDataClient() != null
                ? configuration.getNeptuneDataClient() : NeptuneDataClientFactory.getNeptuneDataClient(configuration);
    }

    @Override
    protected void doStop() throws Exception {
        if (configuration.getNeptuneDataClient() == null && client != null) {
            client.close();
        }
        client = null;
        super.doStop();
    }

    /** A reader of the configured stream type, over this endpoint's client. */
    StreamReader<?> createReader() {
        return createReader(configuration.getLimit());
    }

    /** A reader of the configured stream type asking for at most {@code limit} records a page. */
    StreamReader<?> createReader(int limit) {
        return "sparql".equals(configuration.getStreamType())
                ? new SparqlStreamReader(client, limit, configuration.getEncoding())
                : new PropertygraphStreamReader(client, limit, configuration.getEncoding());
    }

    public NeptuneStreamConfiguration getConfiguration() {
        return configuration;
    }
}
