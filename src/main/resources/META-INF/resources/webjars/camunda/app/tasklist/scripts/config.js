// ISPFlow's staff screens: the product's name in the title and header, no welcome notice meant for
// the operator of a Camunda installation; Tasklist's keyboard shortcuts as Camunda ships them.
export default {
  app: {
    name: 'Tasklist',
    vendor: 'ISPFlow'
  },
  disableWelcomeMessage: true,
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
