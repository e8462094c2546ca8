package dev.camelneptune.stream;

import java.util.Map;

import dev.camelneptune.common.NumberOptions;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

@Component("neptune-stream")
public class NeptuneStreamComponent extends HealthCheckComponent {

    @Metadata(description = "The component configuration: options set here apply to every endpoint, which can"
                            + " override them.")
    private NeptuneStreamConfiguration configuration = new NeptuneStreamConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        NumberOptions.check(this, "neptune-stream", parameters);
        NeptuneStreamConfiguration copy = configuration.copy();
        copy.setEndpoint(remaining);
        // typed options: an unknown value gets a message naming the option and its values, not a conversion error
        parameters.computeIfPresent("iteratorType",
                (name, value) -> value instanceof String text ? NeptuneStreamConfiguration.iteratorType(text) : value);
        parameters.computeIfPresent("streamType", (name, value) -> value instanceof String text ? StreamType.of(text) : value);
        NeptuneStreamEndpoint endpoint = new NeptuneStreamEndpoint(uri, this, copy);
        setProperties(endpoint, parameters);
        copy.validate();
        return endpoint;
    }

    public NeptuneStreamConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(NeptuneStreamConfiguration configuration) {
        this.configuration = configuration;
    }
}
