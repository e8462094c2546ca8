package dev.camelneptune.stream;

import dev.camelneptune.stream.client.NeptuneDataClientFactory;
import dev.camelneptune.stream.page.StreamReader;
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

    /** Built (or taken from the configuration) when the endpoint starts; the consumer's reader uses it from then on. */
    private volatile NeptunedataClient client;

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
        Consumer consumer = createConsumer(processor, createReader(configuration.getLimit()));
        configureConsumer(consumer);
        return consumer;
    }

    private <R> NeptuneStreamConsumer<R> createConsumer(Processor processor, StreamReader<R> reader) {
        return new NeptuneStreamConsumer<>(this, processor, reader);
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

    /**
     * A reader of the configured stream type over this endpoint's client, asking for at most {@code limit} records a
     * page.
     */
    public StreamReader<?> createReader(int limit) {
        return configuration.getStreamType().reader(() -> client, limit, configuration.getEncoding(),
                configuration.isStreamingParser());
    }

    public NeptuneStreamConfiguration getConfiguration() {
        return configuration;
    }
}
