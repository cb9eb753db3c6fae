package dev.ops.core.host.internal.ssh;

import net.schmizz.sshj.common.LoggerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * sshj's loggers with INFO turned into DEBUG: sshj logs the client and server identity strings of
 * every connection at INFO, which is mechanics, not news, for an SDK that opens fifty connections
 * at a time. WARN and ERROR pass through unchanged.
 */
final class QuietSshjLogging implements LoggerFactory {
    static final QuietSshjLogging INSTANCE = new QuietSshjLogging();

    private QuietSshjLogging() {}

    @Override
    public Logger getLogger(String name) {
        return new Demoted(org.slf4j.LoggerFactory.getLogger(name));
    }

    @Override
    public Logger getLogger(Class<?> clazz) {
        return new Demoted(org.slf4j.LoggerFactory.getLogger(clazz));
    }

    /** A logger that writes INFO as DEBUG to its delegate. */
    private static final class Demoted extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;
        private final transient Logger delegate;

        Demoted(Logger delegate) {
            this.delegate = delegate;
            this.name = delegate.getName();
        }

        @Override
        public boolean isTraceEnabled() {
            return delegate.isTraceEnabled();
        }

        @Override
        public boolean isDebugEnabled() {
            return delegate.isDebugEnabled();
        }

        @Override
        public boolean isInfoEnabled() {
            return delegate.isDebugEnabled();
        }

        @Override
        public boolean isWarnEnabled() {
            return delegate.isWarnEnabled();
        }

        @Override
        public boolean isErrorEnabled() {
            return delegate.isErrorEnabled();
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
            String message = MessageFormatter.basicArrayFormat(pattern, arguments);
            switch (level) {
                case ERROR -> delegate.error(message, throwable);
                case WARN -> delegate.warn(message, throwable);
                case INFO, DEBUG -> delegate.debug(message, throwable);
                case TRACE -> delegate.trace(message, throwable);
            }
        }
    }
}
