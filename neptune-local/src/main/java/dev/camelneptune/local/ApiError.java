package dev.camelneptune.local;

/** An error answer: status, the service's error code (e.g. {@code ResourceNotFoundException}) and its message. */
public class ApiError extends Exception {

    private final int status;
    private final String code;

    public ApiError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
