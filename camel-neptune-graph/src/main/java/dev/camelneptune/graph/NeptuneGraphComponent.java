package dev.camelneptune.graph;

import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

import dev.camelneptune.common.NumberOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/** Reads and drives Amazon Neptune Analytics import and export tasks. */
@Component("neptune-graph")
public class NeptuneGraphComponent extends HealthCheckComponent {

    @Metadata(description = "The component configuration: options set here apply to every endpoint, which can"
                            + " override them.")
    private NeptuneGraphConfiguration configuration = new NeptuneGraphConfiguration();

    private ScheduledExecutorService waitScheduler;

    public NeptuneGraphComponent() {
        this(null);
    }

    public NeptuneGraphComponent(CamelContext context) {
        super(context);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (parameters.get("operation") instanceof String operation) {
            NeptuneGraphInputRules.operation(getCamelContext().getTypeConverter(), operation, "the operation option");
        }
        NumberOptions.check(this, "neptune-graph", parameters);
        NeptuneGraphConfiguration endpointConfiguration = configuration.copy();
        endpointConfiguration.setLabel(remaining);
        NeptuneGraphEndpoint endpoint = new NeptuneGraphEndpoint(uri, this, endpointConfiguration);
        setProperties(endpoint, parameters);
        endpointConfiguration.validate();
        return endpoint;
    }

    public NeptuneGraphConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(NeptuneGraphConfiguration configuration) {
        this.configuration = configuration;
    }

    /**
     * The threads that poll the tasks of waitForImportTask and waitForExportTask for every endpoint of this component:
     * Camel's default scheduled thread pool (its size is the default thread pool profile's, 10 unless configured),
     * created on the first wait.
     */
    synchronized ScheduledExecutorService waitScheduler() {
        if (waitScheduler == null) {
            waitScheduler = getCamelContext().getExecutorServiceManager()
                    .newDefaultScheduledThreadPool(this, "NeptuneGraphWait");
        }
        return waitScheduler;
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (this) {
            if (waitScheduler != null) {
                getCamelContext().getExecutorServiceManager().shutdownNow(waitScheduler);
                waitScheduler = null;
            }
        }
        super.doStop();
    }
}
