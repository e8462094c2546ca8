package dev.camelneptune.graph;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;
import software.amazon.awssdk.services.neptunegraph.NeptuneGraphClient;

/**
 * Performs one NeptuneGraph operation per exchange, the same way for every entry of {@link NeptuneGraphOperations}: the
 * SDK request from the body ({@code pojoRequest=true}) or from the inputs, its checks, the call, the reply. A plain
 * call answers on the caller's thread; a wait releases it and the exchange continues when the task has ended.
 */
public class NeptuneGraphProducer extends DefaultAsyncProducer {

    private final NeptuneGraphConfiguration configuration;
    private final Set<TaskWait<?>> waits = ConcurrentHashMap.newKeySet();
    private NeptuneGraphClient client;
    private WritableHealthCheckRepository healthCheckRepository;
    private HealthCheck healthCheck;

    public NeptuneGraphProducer(NeptuneGraphEndpoint endpoint) {
        super(endpoint);
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    public NeptuneGraphEndpoint getEndpoint() {
        return (NeptuneGraphEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = getEndpoint().getClient();
        // health checks are optional (camel-health): register one only where Camel has a producers repository
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            healthCheck = new NeptuneGraphProducerHealthCheck(getEndpoint(), getEndpoint().getId());
            healthCheck.setEnabled(getEndpoint().getComponent().isHealthCheckProducerEnabled());
            healthCheckRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        waits.forEach(TaskWait::stop);
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            Message message = exchange.getMessage();
            Object named = message.getHeader(NeptuneGraphConstants.OPERATION);
            NeptuneGraphOperations operation = named == null
                    ? configuration.getOperation()
                    : NeptuneGraphInputRules.operation(exchange.getContext().getTypeConverter(), named,
                            "the header " + NeptuneGraphConstants.OPERATION);
            return perform(operation.entry(), operation, exchange, callback);
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
    }

    /** Pojo or inputs, check, call, reply: the one path every operation takes. */
    private <Q, R> boolean perform(
            Operation<Q, R> entry, NeptuneGraphOperations operation, Exchange exchange, AsyncCallback callback) {
        Message message = exchange.getMessage();
        Q request = configuration.isPojoRequest()
                ? pojoRequest(message, entry.requestType()) : entry.fromInputs(new Inputs(message, configuration));
        entry.check(request, operation);
        CompletableFuture<R> answer = entry.call(this, request, message);
        if (answer.isDone() && !answer.isCompletedExceptionally()) {
            entry.reply(message, answer.join());
            callback.done(true);
            return true;
        }
        answer.whenComplete((response, failure) -> {
            try {
                if (failure != null) {
                    exchange.setException(failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure);
                } else {
                    entry.reply(exchange.getMessage(), response);
                }
            } catch (RuntimeException e) {
                exchange.setException(e);
            } finally {
                callback.done(false);
            }
        });
        return false;
    }

    /** The body, which {@code pojoRequest=true} says is the SDK request itself. */
    private static <Q> Q pojoRequest(Message message, Class<Q> type) {
        Object body = message.getBody();
        if (!type.isInstance(body)) {
            throw new IllegalArgumentException(
                    "pojoRequest=true: this operation needs a body of type "
                                               + type.getSimpleName() + ", but the body is "
                                               + (body == null ? "null" : body.getClass().getName()));
        }
        return type.cast(body);
    }

    NeptuneGraphConfiguration configuration() {
        return configuration;
    }

    NeptuneGraphClient client() {
        return client;
    }

    ScheduledExecutorService waitScheduler() {
        return getEndpoint().getComponent().waitScheduler();
    }

    void waiting(TaskWait<?> wait) {
        waits.add(wait);
    }

    void done(TaskWait<?> wait) {
        waits.remove(wait);
    }
}
