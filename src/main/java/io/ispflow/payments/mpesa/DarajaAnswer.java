package io.ispflow.payments.mpesa;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How we answer Daraja's callbacks: {@code {"ResultCode":0,"ResultDesc":"Accepted"}} and the like. */
record DarajaAnswer(@JsonProperty("ResultCode") int resultCode, @JsonProperty("ResultDesc") String resultDesc) {

    /** An STK result is stored. */
    static final DarajaAnswer ACCEPTED = new DarajaAnswer(0, "Accepted");
    /** A paybill confirmation is stored. */
    static final DarajaAnswer SUCCESS = new DarajaAnswer(0, "Success");
    /** Refused, or failed on our side: Daraja has no other word for either. */
    static final DarajaAnswer REJECTED = new DarajaAnswer(1, "Rejected");
}
