package id.go.bangka.inovasi.catalog.export;

import id.go.bangka.inovasi.platform.problem.ApiProblem;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The exports one replica writes at once: at most {@code max-concurrent}; one more is refused with 429. */
@Component
public class ExportSlots {

    private final ExportProperties properties;
    private final Semaphore slots;

    public ExportSlots(ExportProperties properties) {
        this.properties = properties;
        this.slots = new Semaphore(properties.maxConcurrent());
    }

    /**
     * A slot for one export, released when closed (once, however often it is closed).
     *
     * @throws ApiProblem 429 with Retry-After when every slot is taken
     */
    public Slot take() {
        if (!slots.tryAcquire()) {
            throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "Too many exports",
                    "This server is already writing " + properties.maxConcurrent() + " exports; retry after the "
                            + "number of seconds in Retry-After.").retryAfter(properties.retryAfter());
        }
        return new Slot();
    }

    /** Slots free now. */
    public int free() {
        return slots.availablePermits();
    }

    /** One export's slot. */
    public final class Slot implements AutoCloseable {

        private final AtomicBoolean released = new AtomicBoolean();

        private Slot() {
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                slots.release();
            }
        }
    }
}
