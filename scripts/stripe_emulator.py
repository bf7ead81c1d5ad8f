#!/usr/bin/env python3
"""Local Stripe emulator for tests: localstripe (pinned in requirements-test.txt) plus a
compatibility layer so that async-stripe 1.0.0-rc.10 can talk to it.

    python scripts/stripe_emulator.py --port PORT [--state-dir DIR] [--public-url URL]

Listens on 127.0.0.1 only (PORT 0 picks a free port), always starts empty, prints
"stripe-emulator ready http://127.0.0.1:PORT/" once it accepts connections and exits 0 on
SIGTERM/SIGINT. Any sk_* key is accepted. State stays in memory; with --state-dir it is also
pickled to DIR/localstripe.pickle after each write (never loaded back).

Added on top of localstripe: Checkout Sessions (POST /v1/checkout/sessions, GET /{id},
POST /{id}/expire, GET /{id}/line_items) with a hosted test page at /checkout/{id}; POST /_test/checkout/sessions/{id}/complete
(card_number=, email=, three_d_secure=succeed|fail) pays a session without HTML; Idempotency-Key
replay; card_error declines (402) with decline codes; off-session 3DS -> 402 authentication_required;
refund validation (reason, over-refund) and refund/charge events; events pinned to the SDK's API
version and shaped for async-stripe; lists newest first; JSON 404 for unknown /v1 routes;
POST /_test/events/{id}/resend re-delivers an event. Webhooks: POST /_config/webhooks/{name} with
url, secret (and optional events[]) as in localstripe; delivered in order, signed like Stripe.
"""
import argparse
import asyncio
import contextvars
import fnmatch
import hashlib
import hmac
import html
import json
import logging
import os
import pickle
import re
import socket
import sys
import time

from aiohttp import ClientSession, ClientTimeout, web

from localstripe import resources as R
from localstripe import server as S
from localstripe import webhooks as W
from localstripe.errors import UserError
from localstripe.resources import (Charge, Event, List, PaymentIntent, PaymentMethod, Refund,
                                   StripeObject, random_id, store, try_convert_to_bool,
                                   try_convert_to_int)

API_VERSION = '2026-09-30.endive'  # stripe_shared::version::VERSION in async-stripe 1.0.0-rc.10
CONF = {'api_version': API_VERSION, 'state_file': None, 'webhook_delay': 0.2, 'public_url': None}
log = logging.getLogger('stripe-emulator')
_request_ctx = contextvars.ContextVar('stripe_request', default=(None, None))

# ---------------------------------------------------------------- state file: never shared, never loaded


def _dump_to_disk(self):
    if CONF['state_file']:
        tmp = CONF['state_file'] + '.tmp'
        try:
            with open(tmp, 'wb') as f:
                pickle.dump(dict(self), f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, CONF['state_file'])
        except Exception as e:  # a debugging aid only; never fail a request for it
            log.warning('could not write state file: %s', e)


R.Store.dump_to_disk = _dump_to_disk
R.Store.try_load_from_disk = lambda self: None

# ---------------------------------------------------------------- money, cards, errors

ZERO_DECIMAL = {'bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd',
                'vuv', 'xaf', 'xof', 'xpf'}
SYMBOLS = {'eur': '€', 'usd': '$', 'gbp': '£', 'cny': '¥', 'jpy': '¥', 'hkd': 'HK$', 'aud': 'A$',
           'cad': 'CA$', 'sgd': 'S$'}


def fmt_money(amount, currency):
    cur = (currency or '').lower()
    num = f'{amount:,}' if cur in ZERO_DECIMAL else f'{amount / 100:,.2f}'
    return SYMBOLS[cur] + num if cur in SYMBOLS else f'{num} {cur.upper()}'


GENERIC = ('card_declined', 'generic_decline', 'Your card was declined.')
DECLINES = {  # Stripe test cards that decline when charged: (code, decline_code, message)
    '4000000000000002': GENERIC, '4000000000000341': GENERIC,
    '4000000000009995': ('card_declined', 'insufficient_funds', 'Your card has insufficient funds.'),
    '4000000000009987': ('card_declined', 'lost_card', 'Your card was declined.'),
    '4000000000009979': ('card_declined', 'stolen_card', 'Your card was declined.'),
    '4000000000000069': ('expired_card', 'expired_card', 'Your card has expired.'),
    '4000000000000127': ('incorrect_cvc', 'incorrect_cvc', "Your card's security code is incorrect."),
    '4000000000000119': ('processing_error', 'processing_error',
                         'An error occurred while processing your card. Try again in a little bit.'),
    '4242424242424241': ('incorrect_number', 'incorrect_number', 'Your card number is incorrect.'),
    '4000008260003178': ('card_declined', 'insufficient_funds', 'Your card has insufficient funds.'),
    '4000008400001629': GENERIC,
}
CARD_CODES = {'card_declined', 'expired_card', 'incorrect_cvc', 'processing_error',
              'incorrect_number', 'authentication_required'}
TEST_PMS = {'pm_card_visa': '4242424242424242', 'pm_card_mastercard': '5555555555554444',
            'pm_card_visa_debit': '4000056655665556', 'pm_card_chargeDeclined': '4000000000000002',
            'pm_card_visa_chargeDeclined': '4000000000000002',
            'pm_card_chargeDeclinedInsufficientFunds': '4000000000009995',
            'pm_card_chargeCustomerFail': '4000000000000341',
            'pm_card_authenticationRequired': '4000002500003155',
            'pm_card_threeDSecure2Required': '4000000000003220'}


BRANDS = [('4', 'visa'), ('5', 'mastercard'), ('2', 'mastercard'), ('34', 'amex'), ('37', 'amex'),
          ('6011', 'discover'), ('65', 'discover'), ('35', 'jcb'), ('62', 'unionpay'), ('36', 'diners')]


def card_brand(number):
    return next((b for prefix, b in BRANDS if (number or '').startswith(prefix)), 'unknown')


def _find_pm(pm_id):
    try:
        return PaymentMethod._api_retrieve(pm_id) if pm_id else None
    except UserError:
        return None


def _canonical_pm(cls, id):
    if id in TEST_PMS:
        return PaymentMethod(type='card', card=dict(number=TEST_PMS[id], exp_month='12',
                                                    exp_year='2034', cvc='123'))


PaymentMethod._try_get_canonical_test_article = classmethod(_canonical_pm)
_orig_charging_declined = PaymentMethod._charging_is_declined
PaymentMethod._charging_is_declined = \
    lambda self: _orig_charging_declined(self) or getattr(self, '_card_number', None) in DECLINES

_orig_usererror_init = UserError.__init__


def _usererror_init(self, code, message=None, contents=None):
    _orig_usererror_init(self, code, message, contents)
    err = self.body['error']
    if code == 402 and err.get('code') in CARD_CODES:
        err['type'] = 'card_error'
    if code == 404:
        err.setdefault('code', 'resource_missing')
    charge = store.get('charge:%s' % err.get('charge'))
    if charge is not None:
        err.setdefault('decline_code', getattr(charge, '_decline_code', None))
        err.setdefault('payment_intent', charge.payment_intent)
        err.setdefault('payment_method', charge.payment_method)
    if isinstance(err.get('payment_intent'), str):
        pi = store.get('payment_intent:' + err['payment_intent'])
        err['payment_intent'] = pi._export() if pi is not None else None
    if isinstance(err.get('payment_method'), str):
        pm = _find_pm(err['payment_method'])
        err['payment_method'] = pm._export() if pm is not None else None


UserError.__init__ = _usererror_init


def emit(type, obj):
    R.schedule_webhook(Event(type, obj))

# ---------------------------------------------------------------- exports shaped for async-stripe


def _expand_list(expand):
    if expand is None:
        return []
    if isinstance(expand, str):
        return [expand]
    if not isinstance(expand, list) or not all(isinstance(e, str) for e in expand):
        raise UserError(400, 'Invalid expand parameter')
    return expand


def _billing(pm):
    bd = (getattr(pm, 'billing_details', None) or {}) if pm else {}
    return {k: bd.get(k) for k in ('address', 'email', 'name', 'phone', 'tax_id')}


_orig_pm_export = PaymentMethod._export


def _pm_export(self, expand=None):
    obj = _orig_pm_export(self, expand=expand)
    obj['billing_details'] = _billing(self)
    obj.setdefault('allow_redisplay', 'unspecified')
    if obj.get('type') == 'card' and isinstance(obj.get('card'), dict):
        brand = card_brand(self._card_number)
        obj['card'].update(brand=brand, display_brand=brand, wallet=None, generated_from=None,
                           networks={'available': [brand], 'preferred': None},
                           checks={'address_line1_check': None, 'address_postal_code_check': None,
                                   'cvc_check': 'pass'})
    return obj


PaymentMethod._export = _pm_export
_orig_charge_export = Charge._export


def _charge_export(self, expand=None):
    obj = _orig_charge_export(self, expand=expand)
    pm = _find_pm(self.payment_method)
    ok = self.status == 'succeeded'
    obj.update(amount_captured=self.amount if ok and self.captured else 0, disputed=False,
               billing_details=_billing(pm), receipt_url=None, failure_balance_transaction=None)
    decline = getattr(self, '_decline_code', None)
    obj['outcome'] = {
        'type': 'authorized' if self.status != 'failed' else 'issuer_declined',
        'network_status': 'approved_by_network' if self.status != 'failed' else 'declined_by_network',
        'reason': decline, 'risk_level': 'normal',
        'seller_message': 'Payment complete.' if self.status != 'failed'
        else 'The bank did not return any further details with this decline.'}
    if isinstance(getattr(pm, 'card', None), dict):
        num = pm._card_number
        obj['payment_method_details'] = {'type': 'card', 'card': {
            'brand': card_brand(num), 'last4': num[-4:], 'exp_month': pm.card['exp_month'],
            'exp_year': pm.card['exp_year'], 'funding': 'credit', 'country': pm.card.get('country'),
            'fingerprint': pm.card.get('fingerprint'), 'network': card_brand(num),
            'checks': {'address_line1_check': None, 'address_postal_code_check': None,
                       'cvc_check': 'pass'}, 'three_d_secure': None, 'wallet': None}}
    return obj


Charge._export = _charge_export


def _set_auth_failure(self):
    pm = _find_pm(self.payment_method)
    self.failure_code, self._decline_code, self.failure_message = \
        DECLINES.get(getattr(pm, '_card_number', None), GENERIC)
    self.status = 'failed'


Charge._set_auth_failure = _set_auth_failure

# ---------------------------------------------------------------- PaymentIntents

PI_EXTRAS = ('description', 'receipt_email', 'setup_future_usage', 'statement_descriptor',
             'statement_descriptor_suffix', 'return_url', 'payment_method_types',
             'allowed_payment_method_types', 'excluded_payment_method_types',
             'automatic_payment_methods')
PI_IGNORED = ('use_stripe_sdk', 'mandate_data', 'error_on_requires_action', 'confirmation_token')
_orig_pi_init = PaymentIntent.__init__


def _pi_init(self, *args, **kw):
    extras = {k: kw.pop(k) for k in PI_EXTRAS if k in kw}
    for k in PI_IGNORED:
        kw.pop(k, None)
    if kw.get('payment_method') in TEST_PMS:
        kw['payment_method'] = PaymentMethod._api_retrieve(kw['payment_method']).id
    sfu = extras.get('setup_future_usage')
    if sfu not in (None, '', 'on_session', 'off_session'):
        raise UserError(400, 'Invalid setup_future_usage', {'param': 'setup_future_usage'})
    _orig_pi_init(self, *args, **kw)
    self.description = extras.get('description')
    self.receipt_email = extras.get('receipt_email')
    self.setup_future_usage = sfu or None
    self.statement_descriptor = extras.get('statement_descriptor')
    self.statement_descriptor_suffix = extras.get('statement_descriptor_suffix')
    types = extras.get('payment_method_types') or extras.get('allowed_payment_method_types')
    self.payment_method_types = [types] if isinstance(types, str) else (types or ['card'])
    apm = extras.get('automatic_payment_methods')
    self.automatic_payment_methods = None if not isinstance(apm, dict) else {
        'enabled': try_convert_to_bool(apm.get('enabled', 'false')) is True,
        'allow_redirects': apm.get('allow_redirects')}
    self._last_error = None
    emit('payment_intent.created', self)


PaymentIntent.__init__ = _pi_init
_orig_pi_export = PaymentIntent._export


def _pi_export(self, expand=None):
    expand = _expand_list(expand)
    lc = [p.partition('.')[2] for p in expand if p.partition('.')[0] == 'latest_charge']
    obj = _orig_pi_export(self, expand=[p for p in expand if p.partition('.')[0] != 'latest_charge'])
    obj.pop('charges', None)
    ch = self.latest_charge
    if ch is None:
        obj['latest_charge'] = None
    else:
        obj['latest_charge'] = ch._export(expand=[p for p in lc if p]) if lc else ch.id
    obj['amount_capturable'] = self.amount if obj['status'] == 'requires_capture' else 0
    obj['amount_received'] = ch.amount if ch is not None and ch.status == 'succeeded' \
        and ch.captured else 0
    obj.setdefault('payment_method_types', ['card'])
    obj.update(confirmation_method='automatic', canceled_at=None, cancellation_reason=None,
               processing=None, payment_method_options={})
    err = getattr(self, '_last_error', None) or obj.get('last_payment_error')
    if err:
        err = dict(err)
        if ch is not None and ch.status == 'failed' and err.get('charge') == ch.id:
            err.update(type='card_error', decline_code=getattr(ch, '_decline_code', None))
        err.setdefault('type', 'invalid_request_error')
        if isinstance(err.get('payment_method'), str) or 'payment_method' not in err:
            pm = _find_pm(err.get('payment_method') or (ch.payment_method if ch else None))
            err['payment_method'] = pm._export() if pm is not None else None
    obj['last_payment_error'] = err or None
    return obj


PaymentIntent._export = _pi_export


def _pi_set_payment_method(pi, pm_id):
    if pi.status not in ('requires_payment_method', 'requires_confirmation', 'requires_action'):
        raise UserError(400, 'You cannot update this PaymentIntent because it has a status of %s.'
                        % pi.status, {'code': 'payment_intent_unexpected_state'})
    pi.payment_method = PaymentMethod._api_retrieve(pm_id).id
    pi.next_action = None
    if pi.latest_charge is not None and pi.latest_charge.status == 'failed':
        pi.latest_charge = None
    pi._authentication_failed = False
    pi._last_error = None


def _off_session_check(pi, off_session):
    """Stripe fails an off-session payment that needs 3DS with 402 authentication_required."""
    if try_convert_to_bool(off_session) is not True or pi.status != 'requires_action':
        return
    pm_id, msg = pi.payment_method, 'Your card was declined. This transaction requires authentication.'
    pi.next_action, pi.payment_method = None, None
    pm = _find_pm(pm_id)
    pi._last_error = {'type': 'card_error', 'code': 'authentication_required', 'message': msg,
                      'decline_code': 'authentication_required',
                      'payment_method': pm._export() if pm else None}
    emit('payment_intent.payment_failed', pi)
    raise UserError(402, msg, {'code': 'authentication_required', 'payment_intent': pi.id,
                               'decline_code': 'authentication_required', 'payment_method': pm_id})


_orig_pi_create = PaymentIntent._api_create.__func__
_orig_pi_confirm = PaymentIntent._api_confirm.__func__
_orig_pi_authenticate = PaymentIntent._api_authenticate.__func__


def _pi_create(cls, confirm=None, off_session=None, **data):
    obj = _orig_pi_create(cls, confirm=confirm, off_session=off_session, **data)
    _off_session_check(obj, off_session)
    return obj


def _pi_confirm(cls, id, payment_method=None, off_session=None, **kw):
    pi = cls._api_retrieve(id)
    for k in ('return_url', 'setup_future_usage', 'receipt_email'):
        if k in kw:
            setattr(pi, k, kw.pop(k))
    for k in PI_IGNORED + ('payment_method_types',):
        kw.pop(k, None)
    if payment_method:
        _pi_set_payment_method(pi, payment_method)
    pi = _orig_pi_confirm(cls, id, **kw)
    _off_session_check(pi, off_session)
    return pi


def _pi_update(cls, id, payment_method=None, **data):
    pi = cls._api_retrieve(id)
    if payment_method:
        _pi_set_payment_method(pi, payment_method)
    if data:
        pi._update(**data)
    return pi


def _pi_authenticate(cls, id, **kw):
    pi = _orig_pi_authenticate(cls, id, **kw)
    if pi._authentication_failed:
        emit('payment_intent.payment_failed', pi)
    return pi


PaymentIntent._api_create = classmethod(_pi_create)
PaymentIntent._api_confirm = classmethod(_pi_confirm)
PaymentIntent._api_update = classmethod(_pi_update)
PaymentIntent._api_authenticate = classmethod(_pi_authenticate)


def _with_charge_event(orig, charge_event):
    def f(self):
        if self.latest_charge is not None:
            emit(charge_event, self.latest_charge)
        return orig(self)
    return f


PaymentIntent._on_success = _with_charge_event(PaymentIntent._on_success, 'charge.succeeded')
PaymentIntent._report_failure = _with_charge_event(PaymentIntent._report_failure, 'charge.failed')
PaymentIntent._report_async_failure = _with_charge_event(PaymentIntent._report_async_failure,
                                                         'charge.failed')

# ---------------------------------------------------------------- refunds

_orig_refund_init = Refund.__init__


def _refund_init(self, charge=None, payment_intent=None, amount=None, metadata=None, reason=None,
                 instructions_email=None, currency=None, customer=None, origin=None,
                 refund_application_fee=None, reverse_transfer=None, **kw):
    if reason not in (None, '', 'duplicate', 'fraudulent', 'requested_by_customer'):
        raise UserError(400, 'Invalid reason: must be one of duplicate, fraudulent, or '
                        'requested_by_customer', {'param': 'reason'})
    ch = None
    if charge is None and isinstance(payment_intent, str):
        pi = PaymentIntent._api_retrieve(payment_intent)
        ch = pi.latest_charge
        if ch is None or ch.status != 'succeeded':
            raise UserError(400, 'This PaymentIntent (%s) does not have a successful charge to '
                            'refund.' % pi.id, {'param': 'payment_intent'})
    elif isinstance(charge, str):
        ch = Charge._api_retrieve(charge)
    if ch is not None and ch.status == 'succeeded':
        left = ch.amount - ch.amount_refunded
        if left <= 0:
            raise UserError(400, 'Charge %s has already been refunded.' % ch.id,
                            {'code': 'charge_already_refunded'})
        amt = try_convert_to_int(amount)
        if amount is None:
            amount = left
        elif isinstance(amt, int) and amt > left:
            raise UserError(400, 'Refund amount (%s) is greater than unrefunded amount on charge '
                            '(%s)' % (fmt_money(amt, ch.currency), fmt_money(left, ch.currency)),
                            {'code': 'amount_too_large', 'param': 'amount'})
    _orig_refund_init(self, charge=charge, payment_intent=payment_intent, amount=amount,
                      metadata=metadata, **kw)
    self.reason = reason or None
    self.instructions_email = instructions_email
    if self.payment_intent is None and ch is not None:
        self.payment_intent = ch.payment_intent


def _refund_create(cls, **data):
    obj = cls(**data)
    emit('refund.created', obj)
    emit('charge.refunded', Charge._api_retrieve(obj.charge))
    return obj


def _refund_update(cls, id, **data):
    obj = cls._api_retrieve(id)
    obj._update(**data)
    emit('refund.updated', obj)
    return obj


Refund.__init__ = _refund_init
Refund._api_create = classmethod(_refund_create)
Refund._api_update = classmethod(_refund_update)

# ---------------------------------------------------------------- events and lists

_orig_event_init = Event.__init__


def _event_init(self, type, data):
    _orig_event_init(self, type, data)
    self.api_version = CONF['api_version']
    self.pending_webhooks = sum(1 for w in W._webhooks.values() if _wants(w, type))
    req_id, idem_key = _request_ctx.get()
    self.request = {'id': req_id, 'idempotency_key': idem_key}


Event.__init__ = _event_init
_orig_list_all = StripeObject._api_list_all.__func__
# Stripe lists newest first; localstripe keeps creation order.
StripeObject._api_list_all = classmethod(
    lambda cls, url, limit=None, starting_after=None, **kw: _reversed(
        _orig_list_all(cls, url, limit=limit, starting_after=starting_after, **kw)))


def _reversed(li):
    li._list.reverse()
    return li


def make_list(url, items, limit=None, starting_after=None, ending_before=None):
    li = List(url, limit=limit, starting_after=starting_after)
    if li._limit > 100:
        raise UserError(400, 'Invalid limit: must be at most 100', {'param': 'limit'})
    li._list = list(items)
    if ending_before:
        ids = [o.id for o in li._list]
        li._list = li._list[:ids.index(ending_before)] if ending_before in ids else []
        li._starting_pos = max(0, len(li._list) - li._limit)
    return li


def filter_created(items, created):
    if created is None:
        return items
    if not isinstance(created, dict):
        created = {'eq': created}
    ops = {'gt': int.__gt__, 'gte': int.__ge__, 'lt': int.__lt__, 'lte': int.__le__, 'eq': int.__eq__}
    for op, value in created.items():
        value = try_convert_to_int(value)
        if op not in ops or not isinstance(value, int):
            raise UserError(400, 'Invalid created filter', {'param': 'created'})
        items = [o for o in items if ops[op](o.created, value)]
    return items


def _events_list(cls, url, type=None, types=None, created=None, limit=None, starting_after=None,
                 ending_before=None, delivery_success=None, **kw):
    if kw:
        raise UserError(400, 'Received unknown parameter: ' + ', '.join(kw))
    events = [v for k, v in store.items() if k.startswith('event:')][::-1]
    patterns = ([type] if type else []) + ([types] if isinstance(types, str) else (types or []))
    if patterns:
        events = [e for e in events if any(fnmatch.fnmatchcase(e.type, p) for p in patterns)]
    return make_list(url, filter_created(events, created), limit, starting_after, ending_before)


Event._api_list_all = classmethod(_events_list)

# ---------------------------------------------------------------- webhook delivery

_queue = asyncio.Queue()


def _wants(hook, type):
    return hook.events is None or any(fnmatch.fnmatchcase(type, p) for p in hook.events)


def _schedule_webhook(event):
    _queue.put_nowait((time.monotonic() + CONF['webhook_delay'], event))


R.schedule_webhook = _schedule_webhook


async def _webhook_worker():
    async with ClientSession(timeout=ClientTimeout(total=10)) as http:
        while True:
            due, event = await _queue.get()
            await asyncio.sleep(max(0.0, due - time.monotonic()))
            payload = json.dumps(event._export(), indent=2, sort_keys=True).encode()
            for name, hook in list(W._webhooks.items()):
                if not _wants(hook, event.type):
                    continue
                ts = int(time.time())
                sig = hmac.new(hook.secret.encode(), b'%d.%s' % (ts, payload),
                               hashlib.sha256).hexdigest()
                headers = {'Content-Type': 'application/json; charset=utf-8',
                           'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
                           'Stripe-Signature': 't=%d,v1=%s' % (ts, sig)}
                try:
                    async with http.post(hook.url, data=payload, headers=headers) as r:
                        result = r.status
                except Exception as e:
                    result = repr(e)
                log.info('webhook %s %s -> %s: %s', event.type, event.id, name, result)

# ---------------------------------------------------------------- Checkout Sessions

SESSION_PARAMS = {'mode', 'line_items', 'client_reference_id', 'customer_email', 'customer',
                  'payment_method_types', 'allowed_payment_method_types',
                  'excluded_payment_method_types', 'success_url', 'cancel_url', 'metadata',
                  'payment_intent_data', 'expires_at', 'locale', 'customer_creation', 'submit_type',
                  'billing_address_collection', 'allow_promotion_codes', 'ui_mode',
                  'payment_method_options', 'phone_number_collection', 'automatic_tax', 'currency'}
PI_DATA_PARAMS = {'metadata', 'description', 'receipt_email', 'setup_future_usage',
                  'statement_descriptor', 'statement_descriptor_suffix', 'capture_method'}


def _missing(param):
    return UserError(400, 'Missing required param: %s.' % param,
                     {'code': 'parameter_missing', 'param': param})


class CheckoutSession(StripeObject):
    object = 'checkout.session'
    _id_prefix = 'cs_test_'

    def __init__(self, base_url, **p):
        unknown = set(p) - SESSION_PARAMS
        if unknown:
            raise UserError(400, 'Received unknown parameter: %s' % sorted(unknown)[0],
                            {'param': sorted(unknown)[0]})
        if p.get('mode') is None:
            raise _missing('mode')
        if p['mode'] != 'payment':
            raise UserError(400, 'stripe_emulator supports only mode=payment', {'param': 'mode'})
        items, currency = [], None
        raw_items = p.get('line_items')
        if not isinstance(raw_items, list) or not raw_items:
            raise _missing('line_items')
        for i, li in enumerate(raw_items):
            pd = li.get('price_data') if isinstance(li, dict) else None
            if not isinstance(pd, dict):
                raise UserError(400, 'stripe_emulator supports only line_items[][price_data]',
                                {'param': 'line_items[%d][price_data]' % i})
            unit, qty = try_convert_to_int(pd.get('unit_amount')), try_convert_to_int(li.get('quantity'))
            name = (pd.get('product_data') or {}).get('name')
            if not isinstance(unit, int) or unit < 0 or not isinstance(qty, int) or qty < 1 \
                    or not name or not pd.get('currency'):
                raise UserError(400, 'Invalid line_items[%d]: needs price_data[currency], '
                                'price_data[unit_amount], price_data[product_data][name] and '
                                'quantity >= 1' % i, {'param': 'line_items[%d]' % i})
            if currency not in (None, pd['currency'].lower()):
                raise UserError(400, 'All line items must use the same currency.')
            currency = pd['currency'].lower()
            items.append({'id': 'li_' + random_id(24), 'object': 'item', 'description': name,
                          'quantity': qty, 'currency': currency, 'amount_subtotal': unit * qty,
                          'amount_total': unit * qty, 'amount_discount': 0, 'amount_tax': 0,
                          'price': None})
        now, expires_at = int(time.time()), try_convert_to_int(p.get('expires_at'))
        if expires_at is None:
            expires_at = now + 86400
        elif not isinstance(expires_at, int) or not now + 1800 - 60 <= expires_at <= now + 86460:
            raise UserError(400, 'The `expires_at` timestamp must be between 30 minutes and 24 '
                            'hours from Checkout Session creation.', {'param': 'expires_at'})
        pid = p.get('payment_intent_data') or {}
        if not isinstance(pid, dict) or set(pid) - PI_DATA_PARAMS:
            raise UserError(400, 'Unsupported payment_intent_data', {'param': 'payment_intent_data'})
        # async-stripe 1.0.0-rc.10 has no payment_method_types setter, only allowed_/excluded_
        lists = {k: [v] if isinstance(v, str) else v for k, v in p.items()
                 if k.endswith('payment_method_types') and v}
        super().__init__(id='cs_test_a1' + random_id(48))
        self.mode, self.currency, self._items, self.expires_at = 'payment', currency, items, expires_at
        self.amount_subtotal = self.amount_total = sum(i['amount_total'] for i in items)
        self.client_reference_id = p.get('client_reference_id')
        self.customer, self.customer_email = p.get('customer'), p.get('customer_email')
        self.success_url, self.cancel_url = p.get('success_url'), p.get('cancel_url')
        self.metadata, self.locale = p.get('metadata') or {}, p.get('locale')
        self._allowed = lists.get('allowed_payment_method_types')
        self._excluded = lists.get('excluded_payment_method_types')
        self.payment_method_types = [t for t in lists.get('payment_method_types') or self._allowed
                                     or ['card'] if t not in (self._excluded or [])]
        self._pi_data = pid
        self._url = '%s/checkout/%s' % (base_url.rstrip('/'), self.id)
        self.status, self.payment_status, self.payment_intent = 'open', 'unpaid', None
        self.customer_details = None

    def _export(self, expand=None):
        obj = {
            'id': self.id, 'object': 'checkout.session', 'adaptive_pricing': None,
            'after_expiration': None, 'allow_promotion_codes': None,
            'allowed_payment_method_types': self._allowed,
            'excluded_payment_method_types': self._excluded,
            'amount_subtotal': self.amount_subtotal, 'amount_total': self.amount_total,
            'automatic_tax': {'enabled': False, 'liability': None, 'provider': None, 'status': None},
            'billing_address_collection': None, 'cancel_url': self.cancel_url,
            'client_reference_id': self.client_reference_id, 'client_secret': None,
            'collected_information': None, 'consent': None, 'consent_collection': None,
            'created': self.created, 'currency': self.currency, 'currency_conversion': None,
            'custom_fields': [], 'custom_text': {'after_submit': None, 'shipping_address': None,
                                                'submit': None, 'terms_of_service_acceptance': None},
            'customer': self.customer, 'customer_creation': 'if_required',
            'customer_details': self.customer_details, 'customer_email': self.customer_email,
            'discounts': [], 'expires_at': self.expires_at, 'invoice': None, 'invoice_creation': None,
            'livemode': False, 'locale': self.locale, 'metadata': dict(self.metadata),
            'mode': self.mode, 'payment_intent': self.payment_intent, 'payment_link': None,
            'payment_method_collection': 'if_required', 'payment_method_configuration_details': None,
            'payment_method_options': None, 'payment_method_types': list(self.payment_method_types),
            'payment_status': self.payment_status, 'phone_number_collection': {'enabled': False},
            'recovered_from': None, 'saved_payment_method_options': None, 'setup_intent': None,
            'shipping_address_collection': None, 'shipping_cost': None, 'shipping_options': [],
            'status': self.status, 'submit_type': None, 'subscription': None,
            'success_url': self.success_url, 'ui_mode': 'hosted_page',
            'total_details': {'amount_discount': 0, 'amount_shipping': 0, 'amount_tax': 0},
            'url': self._url if self.status == 'open' else None}
        heads = {}
        for path in _expand_list(expand):
            head, _, rest = path.partition('.')
            heads.setdefault(head, [])
            if rest:
                heads[head].append(rest)
        for head, rest in heads.items():
            if head == 'payment_intent':
                if self.payment_intent:
                    obj[head] = PaymentIntent._api_retrieve(self.payment_intent)._export(expand=rest)
            elif head == 'line_items':
                obj[head] = self._line_items()
            elif head not in ('customer', 'invoice', 'subscription', 'setup_intent', 'payment_link'):
                raise UserError(400, 'This property cannot be expanded (%s).' % head)
        return obj

    def _line_items(self):
        return {'object': 'list', 'data': [dict(i) for i in self._items], 'has_more': False,
                'url': '/v1/checkout/sessions/%s/line_items' % self.id}

    def _expire(self):
        self.status = 'expired'
        pi = store.get('payment_intent:%s' % self.payment_intent)
        if pi is not None and pi.status not in ('succeeded', 'canceled', 'processing'):
            pi._canceled = True
        emit('checkout.session.expired', self)

    def _check_expiry(self):
        if self.status == 'open' and self.expires_at <= time.time():
            self._expire()
        return self

    def _pay(self, card_number, email=None):
        """Creates (or retries) and confirms the session's PaymentIntent with a test card.
        Returns the PaymentIntent; raises UserError (402 card_error) on a decline."""
        if self._check_expiry().status != 'open':
            raise UserError(400, 'This Checkout Session is no longer open (status: %s).'
                            % self.status, {'code': 'checkout_session_not_open'})
        number = re.sub(r'[\s-]', '', card_number or '')
        if not re.fullmatch(r'\d{16}', number):
            raise UserError(402, 'Your card number is incorrect.', {'code': 'incorrect_number'})
        email = email or self.customer_email
        pm = PaymentMethod(type='card', billing_details={'email': email},
                           card={'number': number, 'exp_month': '12', 'exp_year': '2034',
                                 'cvc': '123'})
        self.customer_details = {'address': None, 'email': email, 'name': None, 'phone': None,
                                 'tax_exempt': 'none', 'tax_ids': []}
        pi = store.get('payment_intent:%s' % self.payment_intent)
        if pi is None:
            pid = self._pi_data
            pi = PaymentIntent(amount=self.amount_total, currency=self.currency,
                               payment_method=pm.id, metadata=dict(pid.get('metadata') or {}),
                               capture_method=pid.get('capture_method'),
                               **{k: pid[k] for k in PI_EXTRAS if k in pid})
            self.payment_intent = pi.id
        else:
            _pi_set_payment_method(pi, pm.id)
        pi._confirm(on_failure_now=pi._report_failure)
        return self._after_payment(pi)

    def _authenticate(self, success):
        pi = PaymentIntent._api_retrieve(self.payment_intent)
        if pi.status != 'requires_action':
            raise UserError(400, 'No authentication is pending for this Checkout Session.')
        PaymentIntent._api_authenticate(pi.id, client_secret=pi.client_secret, success=success)
        if not success:
            raise UserError(402, 'We are unable to authenticate your payment method. Please choose '
                            'a different payment method and try again.',
                            {'code': 'payment_intent_authentication_failure',
                             'payment_intent': pi.id})
        return self._after_payment(pi)

    def _after_payment(self, pi):
        if pi.status in ('succeeded', 'requires_capture'):
            self.status = 'complete'
            self.payment_status = 'paid' if pi.status == 'succeeded' else 'unpaid'
            emit('checkout.session.completed', self)
        return pi


def _session(request):
    sess = store.get('checkout.session:' + request.match_info['id'])
    if sess is None:
        raise UserError(404, "No such checkout.session: '%s'" % request.match_info['id'],
                        {'param': 'id'})
    return sess._check_expiry()


async def sessions_create(request):
    data = await S.get_post_data(request) or {}
    expand = data.pop('expand', None)
    base = CONF['public_url'] or '%s://%s' % (request.scheme, request.host)
    return S.json_response(CheckoutSession(base, **data)._export(expand=expand))


async def sessions_retrieve(request):
    expand = S.unflatten_data(request.query).get('expand')
    return S.json_response(_session(request)._export(expand=expand))


async def sessions_expire(request):
    sess = _session(request)
    if sess.status != 'open':
        raise UserError(400, 'Only Checkout Sessions with a status in ["open"] can be expired.',
                        {'code': 'checkout_session_not_open'})
    sess._expire()
    return S.json_response(sess._export())


async def sessions_line_items(request):
    return S.json_response(_session(request)._line_items())


async def test_complete(request):
    """JSON twin of the hosted page: 200 + session when paid, 402 card_error when declined."""
    data = await S.get_post_data(request) or {}
    sess = _session(request)
    pi = sess._pay(data.get('card_number', '4242424242424242'), data.get('email'))
    if pi.status == 'requires_action':
        sess._authenticate(data.get('three_d_secure', 'succeed') != 'fail')
    return S.json_response(sess._export(expand=data.get('expand')))


async def test_resend_event(request):
    R.schedule_webhook(Event._api_retrieve(request.match_info['id']))
    return S.json_response({'resent': request.match_info['id']})

# ---------------------------------------------------------------- hosted checkout page (no JavaScript)

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Stripe test checkout</title>
<style>body{{font-family:sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem}}
.badge{{background:#ffde92;color:#a04100;display:inline-block;padding:2px 8px;border-radius:4px;
font-weight:bold}} label{{display:block;margin:.8rem 0 .2rem}} input{{width:100%;padding:.5rem;
box-sizing:border-box}} button{{margin-top:1rem;width:100%;padding:.7rem;background:#635bff;
color:#fff;border:0;border-radius:6px;font-size:1rem}} .error{{color:#b00020;font-weight:bold}}
</style></head><body><main>
<p class="badge">TEST MODE</p><h1>Stripe test checkout</h1>
<p>Pay <strong id="amount">{amount}</strong></p><ul>{items}</ul>{body}</main></body></html>"""


def render(sess, error=None, status=200, three_ds=False):
    esc = html.escape
    amount = fmt_money(sess.amount_total, sess.currency)
    items = ''.join('<li>%s × %d — %s</li>' % (esc(i['description']), i['quantity'],
                                                 fmt_money(i['amount_total'], sess.currency))
                    for i in sess._items)
    action = '/checkout/%s' % sess.id
    body = ''
    if error:
        body += '<p class="error" role="alert" id="error">%s</p>' % esc(error)
    if sess.status == 'open' and three_ds:
        body += ('<h2>3D Secure test authentication</h2><form method="post" action="%s/authenticate">'
                 '<button name="result" value="succeed">Complete authentication</button>'
                 '<button name="result" value="fail">Fail authentication</button></form>' % action)
    elif sess.status == 'open':
        others = [t for t in sess.payment_method_types if t != 'card']
        body += (
            '<form method="post" action="%s"><label for="email">Email</label>'
            '<input id="email" name="email" type="email" value="%s">'
            '<label for="card_number">Card number</label><input id="card_number" '
            'name="card_number" inputmode="numeric" autocomplete="cc-number" '
            'value="4242 4242 4242 4242"><label for="card_expiry">Expiry</label>'
            '<input id="card_expiry" name="card_expiry" value="12 / 34"><label for="card_cvc">CVC'
            '</label><input id="card_cvc" name="card_cvc" value="123">'
            '<button type="submit" id="pay">Pay %s</button></form>'
            % (action, esc(sess.customer_email or ''), esc(amount)))
        if others:
            body += '<p>Also offered (not simulated here): %s</p>' % esc(', '.join(others))
    elif sess.status == 'complete':
        body += '<p id="status">This payment is complete.</p>'
    else:
        body += '<p id="status">This checkout session has expired.</p>'
    if sess.cancel_url and sess.status != 'complete':
        body += '<p><a id="cancel" href="%s">← Return to the merchant</a></p>' % esc(sess.cancel_url)
    return web.Response(text=PAGE.format(amount=esc(amount), items=items, body=body),
                        content_type='text/html', status=status)


def _html_session(request):
    sess = store.get('checkout.session:' + request.match_info['id'])
    if sess is None:
        raise web.HTTPNotFound(text='No such checkout session', content_type='text/plain')
    return sess._check_expiry()


def _paid_redirect(sess):
    if sess.status == 'complete' and sess.success_url:
        url = sess.success_url.replace('{CHECKOUT_SESSION_ID}', sess.id)
        return web.Response(status=303, headers={'Location': url})
    return render(sess)


async def page_get(request):
    return render(_html_session(request))


async def page_post(request):
    sess = _html_session(request)
    if sess.status != 'open':
        return render(sess, status=400)
    form = await request.post()
    try:
        pi = sess._pay(form.get('card_number', ''), form.get('email') or None)
    except UserError as e:
        return render(sess, e.body['error'].get('message'), status=402)
    if pi.status == 'requires_action':
        return render(sess, three_ds=True)
    return _paid_redirect(sess)


async def page_authenticate(request):
    sess = _html_session(request)
    form = await request.post()
    try:
        sess._authenticate(form.get('result') == 'succeed')
    except UserError as e:
        return render(sess, e.body['error'].get('message'), status=402)
    return _paid_redirect(sess)

# ---------------------------------------------------------------- middleware: idempotency, JSON 404s

_idempotent = {}
_idempotency_locks = {}


async def _call(handler, request):
    try:
        return await handler(request)
    except (web.HTTPNotFound, web.HTTPMethodNotAllowed) as e:
        if not request.path.startswith('/v1/'):
            raise
        return S.json_response({'error': {
            'type': 'invalid_request_error',
            'message': 'Unrecognized request URL (%s: %s).' % (request.method, request.path)}},
            status=e.status)


@web.middleware
async def compat_middleware(request, handler):
    req_id = 'req_' + random_id(14)
    key = request.headers.get('Idempotency-Key') if request.method == 'POST' else None
    _request_ctx.set((req_id, key))
    if request.method == 'DELETE' and request.path == '/_config/data':
        _idempotent.clear()
    if not key:
        resp = await _call(handler, request)
    else:
        body = await request.read()
        scope = (request.headers.get('Authorization', ''), key)
        fingerprint = hashlib.sha256(b'%s %s\n%s' % (request.method.encode(),
                                                     request.path_qs.encode(), body)).hexdigest()
        async with _idempotency_locks.setdefault(scope, asyncio.Lock()):
            saved = _idempotent.get(scope)
            if saved is not None and saved[0] != fingerprint:
                resp = S.json_response({'error': {
                    'type': 'idempotency_error', 'message': (
                        'Keys for idempotent requests can only be used with the same parameters '
                        "they were first used with. Try using a key other than '%s' if you meant "
                        'to execute a different request.' % key)}}, status=400)
            elif saved is not None:
                resp = web.Response(body=saved[2], status=saved[1], content_type=saved[3],
                                    headers={'Idempotent-Replayed': 'true'})
            else:
                resp = await _call(handler, request)
                # Stripe saves results of requests that ran (incl. declines), not of rejected ones
                if (resp.status < 400 or resp.status == 402) and isinstance(resp, web.Response):
                    _idempotent[scope] = (fingerprint, resp.status, bytes(resp.body),
                                          resp.content_type)
    resp.headers['Request-Id'] = req_id
    return resp


@web.middleware
async def auth_middleware(request, handler):
    if request.path.startswith(('/checkout/', '/_test/')):
        return await handler(request)  # the hosted page and test helpers need no API key
    return await S.auth_middleware(request, handler)


def build_app():
    app = S.app
    mws = app.middlewares
    mws[mws.index(S.auth_middleware)] = auth_middleware
    mws.insert(0, compat_middleware)
    routes = [('POST', '/v1/checkout/sessions', sessions_create),
              ('GET', '/v1/checkout/sessions/{id}', sessions_retrieve),
              ('POST', '/v1/checkout/sessions/{id}/expire', sessions_expire),
              ('GET', '/v1/checkout/sessions/{id}/line_items', sessions_line_items),
              ('GET', '/checkout/{id}', page_get), ('POST', '/checkout/{id}', page_post),
              ('POST', '/checkout/{id}/authenticate', page_authenticate),
              ('POST', '/_test/checkout/sessions/{id}/complete', test_complete),
              ('POST', '/_test/events/{id}/resend', test_resend_event)]
    for method, path, fn in routes:
        app.router.add_route(method, path, fn)
    # localstripe bound the PaymentIntent routes to the original classmethods at import time
    for resource in app.router.resources():
        for route in resource:
            f = getattr(route.handler, '__closure__', None)
            for cell in f or ():
                fn = cell.cell_contents
                if getattr(fn, '__self__', None) is PaymentIntent:
                    cell.cell_contents = getattr(PaymentIntent, fn.__name__)

    async def background(app):
        async def expiry_loop():
            while True:
                await asyncio.sleep(1)
                for k, v in list(store.items()):
                    if k.startswith('checkout.session:'):
                        v._check_expiry()
        tasks = [asyncio.ensure_future(_webhook_worker()), asyncio.ensure_future(expiry_loop())]
        yield
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    app.cleanup_ctx.append(background)
    return app


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--port', type=int, required=True, help='TCP port on 127.0.0.1 (0: any free)')
    ap.add_argument('--state-dir', help='also pickle the state to DIR/localstripe.pickle')
    ap.add_argument('--api-version', default=API_VERSION, help='api_version put on events')
    ap.add_argument('--public-url', help='base URL for hosted checkout pages (default: as called)')
    ap.add_argument('--webhook-delay', type=float, default=0.2, help='seconds before delivery')
    ap.add_argument('--quiet', action='store_true', help='no access or webhook log')
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO, stream=sys.stderr,
                        format='%(asctime)s %(name)s %(message)s')
    CONF.update(api_version=args.api_version, webhook_delay=args.webhook_delay,
                public_url=args.public_url)
    if args.state_dir:
        os.makedirs(args.state_dir, exist_ok=True)
        CONF['state_file'] = os.path.join(os.path.abspath(args.state_dir), 'localstripe.pickle')
    store.clear()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(('127.0.0.1', args.port))
    port = sock.getsockname()[1]

    def ready(_msg):
        print('stripe-emulator ready http://127.0.0.1:%d/ api_version=%s'
              % (port, CONF['api_version']), flush=True)

    web.run_app(build_app(), sock=sock, print=ready,
                access_log=None if args.quiet else logging.getLogger('aiohttp.access'))


if __name__ == '__main__':
    main()
