package dev.camelneptune.stream;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.support.ScheduledPollConsumerHealthCheck;

/**
 * The consumer's health check: Camel's scheduled-poll check (DOWN while polls fail, ready after the first good call),
 * and DOWN for good, with the reason, once the consumer was deposed (until it is started again).
 */
final class NeptuneStreamHealthCheck extends ScheduledPollConsumerHealthCheck {

    private final NeptuneStreamConsumer<?> consumer;

    NeptuneStreamHealthCheck(NeptuneStreamConsumer<?> consumer, String id) {
        super(consumer, id);
        this.consumer = consumer;
    }

    @Override
    public Result call(Map<String, Object> options) {
        Result result = super.call(options);
        NeptuneStreamDeposedException deposed = consumer.deposed();
        if (deposed == null || !isEnabled()) {
            return result;
        }
        return HealthCheckResultBuilder.on(this).details(result.getDetails()).message(deposed.getMessage()).error(deposed)
                .down().build();
    }
}
