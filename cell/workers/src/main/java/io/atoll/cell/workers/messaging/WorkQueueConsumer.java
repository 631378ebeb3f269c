package io.atoll.cell.workers.messaging;

import io.micronaut.context.annotation.AliasFor;
import io.micronaut.rabbitmq.annotation.Queue;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link Queue} consumer whose prefetch is a setting: {@code Queue#prefetch} takes a constant only, and how many
 * messages a worker holds at once depends on where it runs (its cores, its memory).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface WorkQueueConsumer {
    /** The queue. */
    @AliasFor(annotation = Queue.class, member = "value")
    String value();

    /** The prefetch, as a property placeholder such as {@code ${atoll.workers.messaging.jobs-prefetch}}. */
    @AliasFor(annotation = Queue.class, member = "prefetch")
    String prefetch();
}
