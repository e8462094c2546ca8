package dev.camelneptune.graph;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

@Component("neptune-graph")
public class NeptuneGraphComponent extends HealthCheckComponent {

    @Metadata
    private NeptuneGraphConfiguration configuration = new NeptuneGraphConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        NeptuneGraphConfiguration copy = configuration.copy();
        copy.setLabel(remaining);
        NeptuneGraphEndpoint endpoint = new NeptuneGraphEndpoint(uri, this, copy);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public NeptuneGraphConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The component configuration
     */
    public void setConfiguration(NeptuneGraphConfiguration configuration) {
        this.configuration = configuration;
    }
}
