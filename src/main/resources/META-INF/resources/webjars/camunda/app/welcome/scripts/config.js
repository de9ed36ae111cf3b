// ISPFlow's staff screens: the product's name in the title and header, no welcome notice meant for
// the operator of a Camunda installation.
export default {
  app: {
    name: 'Welcome',
    vendor: 'ISPFlow'
  },
  disableWelcomeMessage: true
};
