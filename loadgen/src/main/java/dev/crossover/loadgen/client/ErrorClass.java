package dev.crossover.loadgen.client;

/** Why a request failed, in the classes a platform engineer acts on differently. */
public enum ErrorClass {
    /**
     * A non-2xx answer that is neither 4xx nor 5xx (e.g. a redirect). In results of schema 1, any
     * non-2xx answer other than 429 (they did not yet split client and server errors).
     */
    HTTP_STATUS,
    /** A 4xx answer other than 429: the request was refused (bad request, unknown model, auth). */
    CLIENT_ERROR,
    /** A 5xx answer: the server or a proxy failed. */
    SERVER_ERROR,
    /** The model is not loaded yet (Bedrock ModelNotReadyException: an imported model scaling from zero). */
    MODEL_NOT_READY,
    /** 429, or the provider's throttling exception (Bedrock ThrottlingException). */
    THROTTLED,
    /** No answer, or the stream not finished, within the request timeout. */
    TIMEOUT,
    /** The connection could not be opened (refused, reset before any response). */
    CONNECT,
    /** The stream ended or broke before its end marker, or carried unparseable data. */
    BROKEN_STREAM,
    /** The server reported an error inside an otherwise well-formed stream. */
    STREAM_ERROR;

    /** The class of a non-2xx HTTP status. */
    public static ErrorClass ofStatus(int status) {
        if (status == 429) return THROTTLED;
        if (status / 100 == 4) return CLIENT_ERROR;
        if (status / 100 == 5) return SERVER_ERROR;
        return HTTP_STATUS;
    }
}
