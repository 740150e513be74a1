// Passkeys: the browser half of Identity's WebAuthn ceremonies. A form marked data-passkey="sign-in" or
// data-passkey="create" asks the server for options (POST, antiforgery token in the X-CSRF-TOKEN header), hands them
// to navigator.credentials, puts the credential's JSON in the form's hidden "credential" field and submits the form.
// The server verifies everything; this file only carries JSON between the two. Listening on the document keeps it
// working on pages that Blazor's enhanced navigation swaps in.

const endpoints = {
    'sign-in': '/account/passkey/request-options',
    'create': '/account/passkey/creation-options',
};

function showError(form, message) {
    const output = form.querySelector('[data-passkey-error]');
    if (output) {
        output.textContent = message;
        output.hidden = false;
    }
}

async function fetchOptions(form, kind) {
    const token = form.querySelector('input[name="__RequestVerificationToken"]')?.value ?? '';
    const response = await fetch(endpoints[kind], {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'X-CSRF-TOKEN': token },
    });
    if (!response.ok) {
        throw new Error(response.status === 429
            ? 'Too many sign-in attempts; wait a minute and try again.'
            : 'The server could not start the passkey ceremony; reload the page and try again.');
    }
    return response.json();
}

async function run(form, kind) {
    if (!window.PublicKeyCredential || !PublicKeyCredential.parseRequestOptionsFromJSON) {
        showError(form, 'This browser does not support passkeys.');
        return;
    }
    const button = form.querySelector('button[type="submit"]');
    if (button) button.disabled = true;
    try {
        const json = await fetchOptions(form, kind);
        const credential = kind === 'create'
            ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(json) })
            : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(json) });
        form.querySelector('input[name$="credential" i]').value = JSON.stringify(credential.toJSON());
        form.submit();
    } catch (error) {
        showError(form, error?.name === 'NotAllowedError'
            ? 'No passkey was used (the request was cancelled or timed out).'
            : (error?.message || 'The passkey did not work.'));
        if (button) button.disabled = false;
    }
}

document.addEventListener('submit', event => {
    const form = event.target;
    const kind = form instanceof HTMLFormElement ? form.dataset.passkey : undefined;
    if (!kind || !(kind in endpoints)) return;
    event.preventDefault();
    run(form, kind);
});
