package org.criticalminerals.limits;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The read gate on its own: how many run at once, in which order the others get their turn, and giving up with the budget. */
class ReadConcurrencyFilterTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ReadConcurrencyFilter gate = new ReadConcurrencyFilter(Set.of("/graphql"), 2);

    private final AtomicInteger running = new AtomicInteger();

    private final AtomicInteger mostAtOnce = new AtomicInteger();

    private final List<String> admitted = new CopyOnWriteArrayList<>();

    @Test
    void atMostThePermitsRunAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> requests = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            requests.add(start(gate, "r" + i, Duration.ofMinutes(1), release));
            awaitArrivals(i + 1);
        }
        assertThat(admitted).containsExactly("r0", "r1");
        release.countDown();
        for (Thread request : requests) {
            request.join(WAIT.toMillis());
        }
        assertThat(mostAtOnce.get()).isEqualTo(2);
        assertThat(admitted).hasSize(6);
    }

    @Test
    void theWaitingGetTheirTurnInArrivalOrder() throws Exception {
        ReadConcurrencyFilter oneAtATime = new ReadConcurrencyFilter(Set.of("/graphql"), 1);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> requests = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            requests.add(start(oneAtATime, "r" + i, Duration.ofMinutes(1), release));
            awaitArrivals(i + 1); // one after the other, so that the order of arrival is known
        }
        release.countDown();
        for (Thread request : requests) {
            request.join(WAIT.toMillis());
        }
        assertThat(admitted).containsExactly("r0", "r1", "r2", "r3", "r4", "r5");
    }

    @Test
    void aRequestWhoseBudgetRunsOutWhileWaitingGoesOnWithoutTakingATurn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread first = start(gate, "first", Duration.ofMinutes(1), release);
        Thread second = start(gate, "second", Duration.ofMinutes(1), release);
        awaitArrivals(2);
        // its budget runs out in line: it goes on (to answer TIMEOUT, without database work) holding no turn
        Thread late = start(gate, "late", Duration.ofMillis(300), new CountDownLatch(0));
        late.join(WAIT.toMillis());
        assertThat(late.isAlive()).isFalse();
        assertThat(admitted.subList(0, 2)).containsExactlyInAnyOrder("first", "second");
        assertThat(admitted).hasSize(3).endsWith("late");
        // both turns are still taken: the next one waits
        Thread next = start(gate, "next", Duration.ofMinutes(1), new CountDownLatch(0));
        awaitArrivals(4);
        assertThat(admitted).doesNotContain("next");
        release.countDown();
        for (Thread request : List.of(first, second, next)) {
            request.join(WAIT.toMillis());
        }
        assertThat(admitted).endsWith("next");
    }

    @Test
    void writesAndOtherPathsAreNotHeldBack() {
        assertThat(gate.shouldNotFilter(new MockHttpServletRequest("GET", "/actuator/health"))).isTrue();
        assertThat(gate.shouldNotFilter(new MockHttpServletRequest("POST", "/graphql"))).isFalse();
        MockHttpServletRequest mutation = new MockHttpServletRequest("POST", "/graphql");
        mutation.setAttribute(GraphQlOperations.class.getName() + ".kind", GraphQlOperations.Kind.MUTATION);
        assertThat(gate.shouldNotFilter(mutation)).isTrue();
    }

    private final AtomicInteger arrived = new AtomicInteger();

    private Thread start(ReadConcurrencyFilter filter, String name, Duration budget, CountDownLatch release) {
        Thread thread = new Thread(() -> {
            RequestBudget.bind(new RequestBudget(budget));
            FilterChain chain = (request, response) -> {
                admitted.add(name);
                int now = running.incrementAndGet();
                mostAtOnce.accumulateAndGet(now, Math::max);
                try {
                    release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                finally {
                    running.decrementAndGet();
                }
            };
            try {
                arrived.incrementAndGet();
                filter.doFilter(new MockHttpServletRequest("POST", "/graphql"), new MockHttpServletResponse(), chain);
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
            finally {
                RequestBudget.bind(null);
            }
        }, name);
        thread.start();
        return thread;
    }

    /** Waits until {@code count} requests have arrived and had time to queue (the gate shows no state). */
    private void awaitArrivals(int count) throws InterruptedException {
        long until = System.nanoTime() + WAIT.toNanos();
        while (arrived.get() < count && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        Thread.sleep(200);
    }
}
