package io.phonectl.client.xsi;

import java.util.function.Function;

/** The result of a query: the typed value, or the outcome that explains why there is none. */
public sealed interface QueryResult<T> {

    record Ok<T>(T value) implements QueryResult<T> {
    }

    record Failed<T>(PushOutcome outcome) implements QueryResult<T> {
    }

    default boolean ok() {
        return this instanceof Ok;
    }

    /** The value; {@link IllegalStateException} with the failure's detail when there is none. */
    default T orElseThrow() {
        return switch (this) {
            case Ok<T> ok -> ok.value();
            case Failed<T> f -> throw new IllegalStateException(f.outcome().kind() + ": " + f.outcome().detail());
        };
    }

    default <R> QueryResult<R> flatMap(Function<T, QueryResult<R>> f) {
        return switch (this) {
            case Ok<T> ok -> f.apply(ok.value());
            case Failed<T> failed -> new Failed<>(failed.outcome());
        };
    }

    default <R> QueryResult<R> map(Function<T, R> f) {
        return switch (this) {
            case Ok<T> ok -> new Ok<>(f.apply(ok.value()));
            case Failed<T> failed -> new Failed<>(failed.outcome());
        };
    }
}
