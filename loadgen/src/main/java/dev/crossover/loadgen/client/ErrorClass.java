package dev.crossover.loadgen.client;

/** Why a request failed, in the classes a platform engineer acts on differently. */
public enum ErrorClass {
    /** A non-2xx answer other than 429 (e.g. 400 bad request, 500 from the model server). */
    HTTP_STATUS,
    /** 429, or the provider's throttling exception (Bedrock ThrottlingException). */
    THROTTLED,
    /** No answer, or the stream not finished, within the request timeout. */
    TIMEOUT,
    /** The connection could not be opened (refused, reset before any response). */
    CONNECT,
    /** The stream ended or broke before its end marker, or carried unparseable data. */
    BROKEN_STREAM,
    /** The server reported an error inside an otherwise well-formed stream. */
    STREAM_ERROR
}
