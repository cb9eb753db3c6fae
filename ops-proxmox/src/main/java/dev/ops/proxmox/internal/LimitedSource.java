package dev.ops.proxmox.internal;

import java.io.IOException;
import java.util.function.Supplier;

/** An answer's source that fails with the given error once more than {@code limit} bytes were read from it. */
final class LimitedSource extends okio.ForwardingSource {
    private final long limit;
    private final Supplier<? extends RuntimeException> tooLarge;
    private long total;

    LimitedSource(okio.Source delegate, long limit, Supplier<? extends RuntimeException> tooLarge) {
        super(delegate);
        this.limit = limit;
        this.tooLarge = tooLarge;
    }

    @Override
    public long read(okio.Buffer sink, long byteCount) throws IOException {
        long n = super.read(sink, byteCount);
        if (n > 0 && (total += n) > limit) {
            throw tooLarge.get();
        }
        return n;
    }
}
