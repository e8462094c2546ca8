package dev.camelneptune.examples;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.main.MainSupport;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Ends the demo once the import route has finished and the change-log route has processed every record the demo wrote:
 * it watches exchanges complete and then tells Camel Main it is done.
 */
final class DemoEnd extends EventNotifierSupport {

    private final MainSupport main;
    private final long expectedRecords;
    private volatile String importOutcome;
    private volatile boolean ended;
    private volatile Throughput throughput;
    private final long startNanos = System.nanoTime();

    DemoEnd(MainSupport main, long expectedRecords) {
        this.main = main;
        this.expectedRecords = expectedRecords;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
        boolean importExchange = "import-task".equals(exchange.getFromRouteId())
                && exchange.getProperty(ExchangePropertyKey.CORRELATION_ID) == null;
        if (importExchange && event instanceof ExchangeFailedEvent) {
            importOutcome = "the import failed: " + exchange.getException();
        } else if (importExchange && event instanceof ExchangeCompletedEvent) {
            importOutcome = exchange.getMessage().getBody(String.class);
        }
        if (importOutcome != null && !ended && changesSeen() >= expectedRecords) {
            ended = true;
            main.completed();
        }
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeCompletedEvent || event instanceof ExchangeFailedEvent;
    }

    private long changesSeen() {
        if (throughput == null) {
            throughput = main.getCamelContext().getRegistry().lookupByNameAndType("throughput", Throughput.class);
        }
        return throughput == null ? 0 : throughput.getTotal();
    }

    String outcome() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        if (!ended) {
            return String.format("demo stopped before it ended: import %s, %,d of %,d changes seen",
                    importOutcome == null ? "unfinished" : importOutcome, changesSeen(), expectedRecords);
        }
        return String.format("demo done in %.1f s: %s; %,d changes followed", seconds, importOutcome, changesSeen());
    }
}
