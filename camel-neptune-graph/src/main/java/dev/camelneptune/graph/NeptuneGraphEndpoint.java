package dev.camelneptune.graph;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

@UriEndpoint(firstVersion = "0.1.0", scheme = "neptune-graph", title = "Neptune Graph",
             syntax = "neptune-graph:label", producerOnly = true, category = { Category.CLOUD, Category.DATABASE })
public class NeptuneGraphEndpoint extends DefaultEndpoint {

    @UriParam
    private NeptuneGraphConfiguration configuration;

    public NeptuneGraphEndpoint(String uri, NeptuneGraphComponent component, NeptuneGraphConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() throws Exception {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        throw new UnsupportedOperationException("You cannot receive messages from this endpoint");
    }

    public NeptuneGraphConfiguration getConfiguration() {
        return configuration;
    }
}
