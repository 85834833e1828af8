// Error codes of the identity module (sign-in, users, roles, units), added to the platform's one table.
import { registerErrorCodes } from '../../core/errors/error-codes.ts';

registerErrorCodes({
  INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: { status: 423, zh: '账号已锁定，请 {minutes} 分钟后再试或联系安全管理员', en: 'The account is locked; try again in {minutes} minutes or contact the security administrator' },
  ACCOUNT_DISABLED: { status: 403, zh: '账号已停用', en: 'The account is disabled' },
  TOTP_INVALID: { status: 401, zh: '动态验证码不正确或已使用', en: 'The one-time code is wrong or already used' },
  TOTP_NOT_PENDING: { status: 409, zh: '当前无需输入动态验证码', en: 'No one-time code is expected now' },
  TOTP_ENROLMENT_NOT_STARTED: { status: 409, zh: '请先获取绑定二维码', en: 'Request the enrolment QR code first' },
  SIGN_IN_INCOMPLETE: { status: 401, zh: '请先完成登录步骤', en: 'Finish signing in first' },
  PASSWORD_TOO_WEAK: { status: 400, zh: '密码不符合安全策略：至少 {minLength} 位，包含大写字母、小写字母、数字、符号中的至少 {minClasses} 类，且不含用户名', en: 'The password does not meet the policy: at least {minLength} characters from at least {minClasses} of upper case, lower case, digits and symbols, without the username' },
  PASSWORD_REUSED: { status: 400, zh: '不能使用最近 {count} 次用过的密码', en: 'The password was used in the last {count} changes' },
  PASSWORD_CURRENT_WRONG: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  USER_NOT_FOUND: { status: 404, zh: '用户不存在', en: 'User not found' },
  USERNAME_TAKEN: { status: 409, zh: '用户名已被使用', en: 'The username is already taken' },
  UNIT_NOT_FOUND: { status: 404, zh: '单位或区划不存在', en: 'Unit or division not found' },
  UNIT_PARENT_INVALID: { status: 400, zh: '“{kind}”不能设在“{parentKind}”之下', en: 'A {kind} cannot be placed under a {parentKind}' },
  CREDIT_CODE_TAKEN: { status: 409, zh: '统一社会信用代码已被其他单位使用', en: 'The credit code is used by another unit' },
  CREDIT_CODE_REQUIRED: { status: 400, zh: '部门和服务大厅须填写统一社会信用代码', en: 'Departments and service halls need a unified social credit code' },
  ROLE_NOT_FOUND: { status: 404, zh: '角色不存在', en: 'Role not found' },
  ROLE_CODE_TAKEN: { status: 409, zh: '角色编码已被使用', en: 'The role code is already taken' },
  ROLE_BUILTIN: { status: 409, zh: '内置角色不可修改', en: 'Built-in roles cannot be changed' },
  PERMISSION_UNKNOWN: { status: 400, zh: '未知权限：{code}', en: 'Unknown permission: {code}' },
  ADMIN_PERMISSION_IN_ROLE: { status: 400, zh: '管理员权限不能加入自定义角色（三员分立）', en: 'Administrator permissions cannot be put in a custom role (separation of admin duties)' },
  ADMIN_ROLE_NOT_ASSIGNABLE: { status: 400, zh: '三员角色只能通过命令行工具授予，且不能与其他角色兼任', en: 'The three administrator roles are granted only with the CLI and cannot be combined with other roles' },
  ADMIN_ACCOUNT_PROTECTED: { status: 403, zh: '管理员账号不能在此修改', en: 'Administrator accounts cannot be changed here' },
  USER_UNIT_REQUIRED: { status: 400, zh: '工作人员须属于一个单位', en: 'Staff users must belong to a unit' },
});
