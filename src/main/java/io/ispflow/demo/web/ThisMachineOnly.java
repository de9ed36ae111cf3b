package io.ispflow.demo.web;

import java.net.InetAddress;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The demo's provider simulators stand in for sandboxes this instance calls: they answer this machine only. */
final class ThisMachineOnly {

    private ThisMachineOnly() {
    }

    /** Refuses (403 problem) a caller that is not on this machine. */
    static void check(HttpServletRequest request, String simulator) {
        try {
            if (InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress()) {
                return;
            }
        } catch (java.net.UnknownHostException notAnAddress) {
            // refused below
        }
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "The " + simulator + " simulator answers this machine only.");
    }
}
