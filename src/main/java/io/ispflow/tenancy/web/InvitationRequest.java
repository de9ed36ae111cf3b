package io.ispflow.tenancy.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.ispflow.shared.Msisdn;
import io.ispflow.shared.PhoneNumber;
import io.ispflow.shared.StaffRole;
import io.ispflow.tenancy.InviteStaff;

/** The body of {@code POST /api/staff/invitations}. */
record InvitationRequest(
        @StaffFields.UserId String userId,
        @StaffFields.PersonName String firstName,
        @StaffFields.PersonName String lastName,
        @StaffFields.StaffEmail String email,
        @PhoneNumber @Size(max = 30) String phone,
        @NotNull @StaffFields.OneOf(StaffRole.class) String role) {

    InviteStaff toInvite() {
        return invite(userId, firstName, lastName, email, phone, StaffFields.valueOf(StaffRole.class, role));
    }

    static InviteStaff invite(String userId, String firstName, String lastName, String email, String phone,
            StaffRole role) {
        String e164 = phone == null || phone.isBlank() ? null : Msisdn.parse(phone).e164();
        return new InviteStaff(userId, firstName.strip(), lastName.strip(), email.strip(), e164, role);
    }
}
