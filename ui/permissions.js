// What the person signed in may do, as the shell answers it (`permissions`: their role's
// permissions, read from core, and every command the gate lets them call). A control that calls
// a command they may not use is hidden, not merely disabled: `el(tag, { command })` marks it
// with `data-command`, and `data-not-allowed` when the command is not theirs, which the style
// sheet hides whatever else shows or hides the control. The gate still refuses the call.

// The commands the person may call; none until someone has signed in.
let commands = new Set();

// Takes the shell's answer once someone has signed in, and marks what the page already holds.
export function setAllowed(answer) {
  commands = new Set(answer.commands);
  document.body.dataset.permissions = answer.permissions.join(' ');
  for (const node of document.querySelectorAll('[data-command]')) mark(node, node.dataset.command);
  // A heading of the menu goes with its items when the person may open none of them.
  for (const heading of document.querySelectorAll('.nav-group')) {
    const items = [];
    for (let n = heading.nextElementSibling; n?.classList.contains('nav-item'); n = n.nextElementSibling) {
      items.push(n);
    }
    heading.toggleAttribute('data-not-allowed', items.every((n) => n.hasAttribute('data-not-allowed')));
  }
}

export function allows(command) {
  return commands.has(command);
}

// Says which command the control calls (several, space-separated, when it calls each), and
// hides it from a person who may not call them all.
export function mark(node, command) {
  node.dataset.command = command;
  node.toggleAttribute('data-not-allowed', !command.split(' ').every(allows));
}
