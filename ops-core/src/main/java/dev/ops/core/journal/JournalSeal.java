package dev.ops.core.journal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.core.change.Action;
import dev.ops.core.error.OpsException;
import dev.ops.core.json.internal.Json;
import dev.ops.core.secret.Redactor;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Iterator;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Keeps secrets out of journal records: an action whose data holds a known secret (in any field,
 * bytes included) is stored as a {@link SealedAction}, encrypted when a {@link JournalKey} is given.
 */
final class JournalSeal {
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<JournalKey> key;

    JournalSeal(Optional<JournalKey> key) {
        this.key = key;
    }

    /**
     * Whether any field of the action, text or bytes, holds a registered secret or a credential
     * shape, or carries a command with {@linkplain dev.ops.core.host.Command#sensitive() sensitive values}.
     */
    static boolean holdsSecret(Action action) {
        return action != null && anyHoldsSecret(Json.mapper().valueToTree(action));
    }

    private static boolean anyHoldsSecret(JsonNode node) {
        if (node.isBinary()) {
            try {
                return Redactor.global().containsSecret(new String(node.binaryValue(), StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                return true;
            }
        }
        if (node.isTextual()) {
            return Redactor.global().containsSecret(node.textValue());
        }
        JsonNode sensitive = node.get("sensitive");
        if (sensitive != null && sensitive.isArray() && !sensitive.isEmpty()) {
            return true; // a Command's own secret values, which the global redactor may not know
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
            if (anyHoldsSecret(it.next())) {
                return true;
            }
        }
        return false;
    }

    /** Whether another process can run this action from the journal: it holds no secret, or a key seals it. */
    boolean recoverable(Action action) {
        return key.isPresent() || !holdsSecret(action);
    }

    /** The action as the journal stores it; {@code context} (apply id and step) binds the ciphertext to its place. */
    Action seal(Action action, String context) {
        if (action == null || !holdsSecret(action)) {
            return action;
        }
        String shown = Redactor.global().redact(action.render());
        if (key.isEmpty()) {
            return new SealedAction(action.target(), shown, "", "");
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.get().secretKey(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(Json.mapper().writerFor(Action.class).writeValueAsBytes(action));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return new SealedAction(action.target(), shown, key.get().id(), Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new OpsException("cannot seal a journal step: " + e.getMessage(), e);
        }
    }

    /** The action to run: an unsealed one as it is, a sealed one decrypted (or, without its data, one that says why it cannot run). */
    Action open(Action stored, String context) {
        if (!(stored instanceof SealedAction s) || !s.recoverable()) {
            return stored;
        }
        if (key.isEmpty() || !key.get().id().equals(s.keyId())) {
            throw new OpsException("a journal step is encrypted with journal key " + s.keyId() + ", and this Ops has "
                    + key.map(k -> "key " + k.id()).orElse("no journal key"));
        }
        try {
            byte[] in = Base64.getDecoder().decode(s.sealed());
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.get().secretKey(), new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
            return Json.mapper().readerFor(Action.class).readValue(plain);
        } catch (GeneralSecurityException | IllegalArgumentException | java.io.IOException e) {
            throw new OpsException("a sealed journal step cannot be opened (damaged, or moved from another record): " + e.getMessage(), e);
        }
    }
}
