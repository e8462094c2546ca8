package dev.camelneptune.graph;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.apache.camel.Message;
import software.amazon.awssdk.services.neptunegraph.NeptuneGraphClient;
import software.amazon.awssdk.services.neptunegraph.model.NeptuneGraphResponse;

/**
 * One entry of the producer's table: the SDK request an operation sends, how it is built from the inputs, its checks,
 * the call and the reply. {@link NeptuneGraphProducer} runs every entry the same way: the request from the body
 * ({@code pojoRequest=true}) or from the inputs, then the checks, then the call, then the reply.
 *
 * @param <Q> the SDK request type
 * @param <R> what the call answers: the SDK response, or a {@link NeptuneGraphTaskList} with {@code allPages=true}
 */
final class Operation<Q, R> {

    /** Builds the request from the headers and the URI options. */
    interface FromInputs<Q> extends Function<Inputs, Q> {
    }

    /** Checks a request before it leaves; the operation is there to be named in the message. */
    interface Check<Q> extends BiConsumer<Q, NeptuneGraphOperations> {
    }

    /** Performs the operation: completes at once for a plain call, later for a wait. */
    interface Call<Q, R> {
        CompletableFuture<R> call(NeptuneGraphProducer producer, Q request, Message message);
    }

    /** Puts the answer on the message. */
    interface Reply<R> extends BiConsumer<Message, R> {
    }

    private final Class<Q> requestType;
    private final FromInputs<Q> fromInputs;
    private final Check<Q> check;
    private final Call<Q, R> call;
    private final Reply<R> reply;

    private Operation(Class<Q> requestType, FromInputs<Q> fromInputs, Check<Q> check, Call<Q, R> call, Reply<R> reply) {
        this.requestType = requestType;
        this.fromInputs = fromInputs;
        this.check = check;
        this.call = call;
        this.reply = reply;
    }

    static <Q, R> Operation<Q, R> of(
            Class<Q> requestType, FromInputs<Q> fromInputs, Check<Q> check, Call<Q, R> call, Reply<R> reply) {
        return new Operation<>(requestType, fromInputs, check, call, reply);
    }

    /** A call that answers at once, on the caller's thread. */
    static <Q, R> Call<Q, R> client(BiFunction<NeptuneGraphClient, Q, R> call) {
        return (producer, request, message) -> CompletableFuture.completedFuture(call.apply(producer.client(), request));
    }

    /** A list call: one page, or with {@code allPages=true} every task of every page (the SDK paginator). */
    static <Q> Call<Q, Object> listing(
            BiFunction<NeptuneGraphClient, Q, ? extends NeptuneGraphResponse> page,
            BiFunction<NeptuneGraphClient, Q, ? extends Iterable<?>> allPages) {
        return (producer, request, message) -> CompletableFuture.completedFuture(producer.configuration().isAllPages()
                ? NeptuneGraphTaskList.of(allPages.apply(producer.client(), request))
                : page.apply(producer.client(), request));
    }

    /** The body is the task; the header {@code CamelNeptuneGraphTaskStatus} is its status. */
    static <R> Reply<R> task(Function<R, String> status) {
        return (message, response) -> {
            message.setBody(response);
            message.setHeader(NeptuneGraphConstants.TASK_STATUS, status.apply(response));
        };
    }

    /** A list answer: the next-page token is set when there is a next page, and removed when there is none. */
    static Reply<Object> page() {
        return (message, answer) -> {
            message.setBody(answer);
            message.removeHeader(NeptuneGraphConstants.TASK_STATUS);
            String nextToken = answer instanceof NeptuneGraphResponse page
                    ? page.getValueForField("nextToken", String.class).orElse(null) : null;
            if (nextToken != null) {
                message.setHeader(NeptuneGraphConstants.NEXT_TOKEN, nextToken);
            } else {
                message.removeHeader(NeptuneGraphConstants.NEXT_TOKEN);
            }
        };
    }

    Class<Q> requestType() {
        return requestType;
    }

    Q fromInputs(Inputs inputs) {
        return fromInputs.apply(inputs);
    }

    void check(Q request, NeptuneGraphOperations operation) {
        check.accept(request, operation);
    }

    CompletableFuture<R> call(NeptuneGraphProducer producer, Q request, Message message) {
        return call.call(producer, request, message);
    }

    void reply(Message message, R answer) {
        reply.accept(message, answer);
    }
}
