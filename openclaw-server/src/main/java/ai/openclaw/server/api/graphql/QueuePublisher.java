package ai.openclaw.server.api.graphql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A subscription's source of events as a Reactive Streams {@link Publisher} (what graphql-java's subscription
 * strategy consumes): a producer pushes into a {@link Sink}; items are buffered and handed to the one subscriber
 * only as it requests them, in order, never concurrently. The producer starts on {@code executor} at subscription
 * and must end the stream with {@link Sink#complete()} or {@link Sink#error(Throwable)}; a cancelled subscription
 * runs the producer's cancel hooks (closing watches) and drops what is buffered.
 *
 * @param <T> the event type
 */
final class QueuePublisher<T> implements Publisher<T> {
    /** Where a producer sends events. Safe to call from any thread. */
    interface Sink<T> {
        /** Queues one event; false once the subscriber has cancelled (the producer should stop). */
        boolean next(T item);

        /** Ends the stream normally after the queued events. */
        void complete();

        /** Ends the stream with an error after the queued events. */
        void error(Throwable e);

        /** Whether the subscriber has cancelled. */
        boolean cancelled();

        /** Runs {@code hook} when the subscriber cancels (at once if it already has). */
        void onCancel(Runnable hook);
    }

    private final Consumer<Sink<T>> producer;
    private final Executor executor;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    QueuePublisher(Executor executor, Consumer<Sink<T>> producer) {
        this.executor = executor;
        this.producer = producer;
    }

    @Override
    public void subscribe(Subscriber<? super T> subscriber) {
        if (!subscribed.compareAndSet(false, true)) {
            subscriber.onSubscribe(new Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            subscriber.onError(new IllegalStateException("this event stream has a subscriber already"));
            return;
        }
        Channel<T> channel = new Channel<>(subscriber);
        subscriber.onSubscribe(channel);
        executor.execute(() -> {
            try {
                producer.accept(channel);
            } catch (RuntimeException e) {
                channel.error(e);
            }
        });
    }

    private static final class Channel<T> implements Subscription, Sink<T> {
        private final Subscriber<? super T> subscriber;
        private final ArrayDeque<T> queue = new ArrayDeque<>();
        private final List<Runnable> cancelHooks = new ArrayList<>();
        private long demand;
        private boolean done;
        private boolean terminated;
        private boolean cancelled;
        private boolean draining;
        private Throwable failure;

        Channel(Subscriber<? super T> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            synchronized (this) {
                if (n <= 0) {
                    done = true;
                    failure = new IllegalArgumentException("request(n) needs n > 0 (rule 3.9)");
                } else {
                    demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                }
            }
            drain();
        }

        @Override
        public void cancel() {
            List<Runnable> hooks;
            synchronized (this) {
                if (cancelled) {
                    return;
                }
                cancelled = true;
                queue.clear();
                hooks = List.copyOf(cancelHooks);
                cancelHooks.clear();
            }
            hooks.forEach(Runnable::run);
        }

        @Override
        public boolean next(T item) {
            synchronized (this) {
                if (cancelled || done) {
                    return false;
                }
                queue.add(item);
            }
            drain();
            return true;
        }

        @Override
        public void complete() {
            synchronized (this) {
                done = true;
            }
            drain();
        }

        @Override
        public void error(Throwable e) {
            synchronized (this) {
                if (!done) {
                    done = true;
                    failure = e;
                }
            }
            drain();
        }

        @Override
        public synchronized boolean cancelled() {
            return cancelled;
        }

        @Override
        public void onCancel(Runnable hook) {
            boolean now;
            synchronized (this) {
                now = cancelled;
                if (!now) {
                    cancelHooks.add(hook);
                }
            }
            if (now) {
                hook.run();
            }
        }

        private void drain() {
            synchronized (this) {
                if (draining) {
                    return;
                }
                draining = true;
            }
            while (true) {
                T item = null;
                Throwable error = null;
                boolean finish = false;
                synchronized (this) {
                    if (cancelled || terminated) {
                        draining = false;
                        return;
                    }
                    if (!queue.isEmpty() && demand > 0) {
                        item = queue.poll();
                        demand--;
                    } else if (queue.isEmpty() && done) {
                        terminated = true;
                        finish = true;
                        error = failure;
                    } else {
                        draining = false;
                        return;
                    }
                }
                if (finish) {
                    if (error != null) {
                        subscriber.onError(error);
                    } else {
                        subscriber.onComplete();
                    }
                    synchronized (this) {
                        draining = false;
                    }
                    return;
                }
                subscriber.onNext(item);
            }
        }
    }
}
